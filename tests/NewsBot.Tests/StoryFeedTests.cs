using System.Net;
using Microsoft.Extensions.DependencyInjection;
using NewsBot.Core.Ingestion;
using NewsBot.Testing;
using Xunit;

namespace NewsBot.Tests;

/// <summary>
/// Three outlets' feeds, served on 127.0.0.1 and read as the bot reads them: a wire copy run twice is cited once, the
/// derailment reported by three outlets is one story told in order, and an article updated in place shows both figures.
/// </summary>
public sealed class StoryFeedTests : IAsyncLifetime
{
    private const string Scene = "Grain lay heaped beside the line at Ostrel on Thursday as crews worked to lift overturned wagons back onto the rails near the village. Commuters from Millbrook said the replacement buses after the Ostrel derailment were crowded and slow.";

    private const string Reopened = "The main line through Ostrel reopened on Friday morning, a day after a freight train derailed near the village and overturned its wagons. The rail operator said both tracks were repaired overnight and trains between Harbour City and the north ran on time again after the derailment.";

    private readonly TempDirectory _data = new();
    private FakeNewsSite _site = null!;
    private BotHost _bot = null!;

    public async Task InitializeAsync()
    {
        _site = await FakeNewsSite.StartAsync();
        _bot = new BotHost(_data.Path, new Dictionary<string, string?> { ["Bot:SeedSampleNews"] = "false", ["RateLimits:Enabled"] = "false" });
        Feed("/harbour.xml", "Harbour Times", ("derailment", "Freight train derails near Ostrel, main line blocked", "Thu, 26 Nov 2026 07:00:00 GMT", WireCopies.Wire));
        Feed("/valley.xml", "Valley Courier",
            ("derailment-copy", "Grain train comes off the rails at Ostrel", "Thu, 26 Nov 2026 08:30:00 GMT", "By our rail correspondent. " + WireCopies.Wire),
            ("line-reopens", "Ostrel line reopens a day after derailment", "Fri, 27 Nov 2026 09:00:00 GMT", Reopened));
        Feed("/metro.xml", "Metro Signal",
            ("scene", "At Ostrel, crews lift wagons as commuters wait", "Thu, 26 Nov 2026 15:00:00 GMT", Scene),
            ("floods", "Storm floods homes in Millbrook", "Thu, 26 Nov 2026 18:00:00 GMT", "Heavy rain flooded 12 homes in Millbrook on Thursday evening, the fire service said. Residents were moved to the village hall."));
        await IngestAsync();
    }

    [Fact]
    public async Task A_wire_copy_run_by_two_outlets_is_cited_once_with_the_other_named()
    {
        var text = await AskAsync("How many wagons overturned near Ostrel?");

        Assert.Contains("eleven wagons overturned", text, StringComparison.Ordinal);
        Assert.Contains("also reported by Valley Courier", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_derailment_reported_by_three_outlets_is_one_story_told_in_date_order()
    {
        var text = await AskAsync("How has the Ostrel derailment story developed?");

        Assert.StartsWith("How the story developed, report by report:", text, StringComparison.Ordinal);
        var harbour = text.IndexOf("26 November 2026, Harbour Times", StringComparison.Ordinal);
        var metro = text.IndexOf("26 November 2026, Metro Signal", StringComparison.Ordinal);
        var valley = text.IndexOf("27 November 2026, Valley Courier", StringComparison.Ordinal);
        Assert.True(harbour >= 0 && metro > harbour && valley > metro, text);
        Assert.Contains("This story: 4 reports from Harbour Times, Valley Courier, Metro Signal, first on 26 November 2026, latest on 27 November 2026.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Millbrook on Thursday evening", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_article_updated_in_place_shows_both_figures_with_their_dates()
    {
        Feed("/metro.xml", "Metro Signal",
            ("floods", "Storm floods homes in Millbrook", "Thu, 26 Nov 2026 18:00:00 GMT", "Heavy rain flooded 15 homes in Millbrook on Thursday evening, the fire service said. Residents were moved to the village hall."));
        var report = await IngestAsync();

        var text = await AskAsync("How many homes were flooded in Millbrook?");

        Assert.Equal(1, report.Updated);
        Assert.Contains("15 homes", text, StringComparison.Ordinal);
        Assert.Matches(@"\[\[1\]\]\(http[^)]+\) was updated on \d+ \w+ \d{4}: first reported 12 homes \(26 November\), updated to 15 homes\.", text);
    }

    [Fact]
    public async Task An_item_whose_date_alone_moves_is_not_news_again()
    {
        var stories = _bot.Services.GetRequiredService<NewsBot.Core.Stories.IStoryIndex>();
        var before = await stories.LastArrivalAsync();
        Feed("/metro.xml", "Metro Signal",
            ("floods", "Storm floods homes in Millbrook", "Fri, 27 Nov 2026 06:00:00 GMT", "Heavy rain flooded 12 homes in Millbrook on Thursday evening, the fire service said. Residents were moved to the village hall."));
        var report = await IngestAsync();

        var text = await AskAsync("How many homes were flooded in Millbrook?");

        Assert.Equal((0, 1), (report.Updated, report.DetailsUpdated));
        Assert.Empty(await stories.ArrivalsAfterAsync(before, 10));
        Assert.DoesNotContain("was updated on", text, StringComparison.Ordinal);
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _site.DisposeAsync();
        _data.Dispose();
    }

    private async Task<string> AskAsync(string question) =>
        (string?)(await _bot.RepliesAsync(BotHost.Message(question)))[^1]["text"] ?? "";

    private Task<IngestReport> IngestAsync() =>
        _bot.Services.GetRequiredService<IngestionPipeline>().IngestAsync([_site.Url + "/harbour.xml", _site.Url + "/valley.xml", _site.Url + "/metro.xml"]);

    private void Feed(string path, string outlet, params (string Slug, string Title, string Date, string Body)[] items) =>
        _site.Serve(path, "application/rss+xml; charset=utf-8", $"""
            <?xml version="1.0" encoding="utf-8"?>
            <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
              <channel>
                <title>{outlet}</title><link>{_site.Url}/</link><description>News</description>
                {string.Concat(items.Select(i => $"""
                <item>
                  <title>{WebUtility.HtmlEncode(i.Title)}</title>
                  <link>{_site.Url}{path.Replace(".xml", "", StringComparison.Ordinal)}/{i.Slug}</link>
                  <pubDate>{i.Date}</pubDate>
                  <content:encoded><![CDATA[<p>{i.Body}</p>]]></content:encoded>
                </item>
                """))}
              </channel>
            </rss>
            """);
}
