using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using NewsBot.Core.Articles;
using NewsBot.Core.Ingestion;
using NewsBot.Core.Storage;
using NewsBot.Testing;
using Xunit;

namespace NewsBot.Ingestion.Web.Tests;

/// <summary>Ingestion cannot be hung by a slow server, steered past the address guard, or stopped by one bad feed item.</summary>
[Collection(GlobalProxyCollection.Name)]
public sealed class IngestionSafetyTests : IAsyncLifetime
{
    private readonly TempDirectory _data = new();
    private readonly TempDirectory _input = new();
    private FakeNewsSite _site = null!;

    public async Task InitializeAsync() => _site = await FakeNewsSite.StartAsync();

    private ServiceProvider Services(Dictionary<string, string?>? settings = null) =>
        WebTestServices.Build(_data.Path, settings ?? new() { ["Web:TimeoutSeconds"] = "2" });

    [Fact]
    public async Task A_server_that_stalls_after_its_headers_is_given_up_on_within_the_deadline()
    {
        await using var stalling = await LoopbackServer.StartAsync(app => app.MapGet("/slow.xml", async (HttpContext context) =>
        {
            context.Response.ContentType = "application/rss+xml";
            await context.Response.WriteAsync("<rss version=\"2.0\"><channel><title>Slow</title>");
            await context.Response.Body.FlushAsync();
            await Task.Delay(TimeSpan.FromSeconds(60), context.RequestAborted);
        }));
        await using var services = Services();
        var clock = Stopwatch.StartNew();

        var report = await services.GetRequiredService<IngestionPipeline>().IngestAsync([stalling.Url + "/slow.xml"]);

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(15), $"took {clock.Elapsed.TotalSeconds:F0} s");
        Assert.Contains("within 4 seconds", Assert.Single(report.Outcomes).Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_feed_whose_items_link_to_stalled_pages_is_read_within_its_own_deadline_keeping_the_items_own_text()
    {
        const int Items = 10;
        await using var stalling = await LoopbackServer.StartAsync(app =>
        {
            app.MapGet("/feed.xml", (HttpContext context) =>
            {
                var items = string.Concat(Enumerable.Range(1, Items).Select(i =>
                    $"<item><title>Pier works, part {i}</title><link>{context.Request.Scheme}://{context.Request.Host}/page/{i}</link><description>Works on the pier go on, part {i}.</description></item>"));
                return Results.Text($"<rss version=\"2.0\"><channel><title>Pier Post</title>{items}</channel></rss>", "application/rss+xml");
            });
            app.MapGet("/page/{n}", async (HttpContext context) =>
            {
                context.Response.ContentType = "text/html";
                await context.Response.WriteAsync("<html><head><title>Pier</title></head><body>");
                await context.Response.Body.FlushAsync();
                await Task.Delay(TimeSpan.FromSeconds(60), context.RequestAborted);
            });
            app.MapGet("/robots.txt", () => Results.Text("User-agent: *\nAllow: /\n"));
        });
        await using var services = Services(new() { ["Web:TimeoutSeconds"] = "1", ["Web:FeedDeadlineSeconds"] = "5", ["Web:PageReadsAtOnce"] = "4" });
        var clock = Stopwatch.StartNew();

        var report = await services.GetRequiredService<IngestionPipeline>().IngestAsync([stalling.Url + "/feed.xml"]);

        // One after another, the pages would cost 2 s each (twice Web:TimeoutSeconds): 20 s and more.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(12), $"took {clock.Elapsed.TotalSeconds:F0} s");
        Assert.Equal(Items, report.New);
    }

    [Fact]
    public async Task A_proxy_from_the_environment_cannot_carry_a_download_past_the_address_guard()
    {
        // A "proxy" that answers every request with a news page, as a proxy relaying the metadata service would.
        await using var proxy = await LoopbackServer.StartAsync(app => app.Run(context =>
        {
            context.Response.ContentType = "text/html";
            return context.Response.WriteAsync(FakeNewsSite.Page("Instance credentials", "The role key is AKIA-EXAMPLE and it is secret enough for this test to notice if it were stored."));
        }));
        var previous = HttpClient.DefaultProxy;
        HttpClient.DefaultProxy = new WebProxy(proxy.Url);
        try
        {
            await using var services = Services();

            var report = await services.GetRequiredService<IngestionPipeline>().IngestAsync(["http://169.254.169.254/latest/meta-data/"]);

            Assert.Contains("link-local", Assert.Single(report.Outcomes).Error, StringComparison.Ordinal);
            Assert.Equal(0, (await services.GetRequiredService<INewsStore>().GetStatsAsync()).Articles);
        }
        finally
        {
            HttpClient.DefaultProxy = previous;
        }
    }

    [Fact]
    public async Task Links_of_a_feed_asked_for_at_an_internet_address_stay_out_of_private_networks_after_a_redirect()
    {
        // Read from this machine's site (the address it was redirected to) though an internet address was asked for.
        var feed = System.ServiceModel.Syndication.SyndicationFeed.Load(System.Xml.XmlReader.Create(_site.Url + "/city/rss.xml"));
        await using var services = Services();
        var reader = services.GetRequiredService<FeedItemReader>();

        var items = new List<ReadItem>();
        await foreach (var item in reader.ReadAsync(feed, new Uri(_site.Url + "/city/rss.xml"), "feed", null, CancellationToken.None, requestedUrl: new Uri("http://93.184.216.34/city/rss.xml")))
        {
            items.Add(item);
        }

        Assert.Equal(0, _site.Requests("/city/tram-line"));
        Assert.Equal(0, _site.Requests("/robots.txt"));
    }

    [Theory]
    [InlineData("64:ff9b::a9fe:a9fe", true)]
    [InlineData("64:ff9b::7f00:1", true)]
    [InlineData("64:ff9b::a00:1", true)]
    [InlineData("::a9fe:a9fe", true)]
    [InlineData("::7f00:1", true)]
    [InlineData("64:ff9b::5db8:d822", false)]
    public void NAT64_and_IPv4_compatible_addresses_are_judged_by_the_IPv4_address_they_carry(string address, bool isPrivate) =>
        Assert.Equal(isPrivate, NetworkGuard.IsPrivate(IPAddress.Parse(address)));

    [Fact]
    public async Task One_bad_feed_item_fails_alone_and_the_rest_of_the_run_is_stored()
    {
        var feed = _input.File("unescaped.rss", """
            <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Quay Notes</title>
            <item><title>Ferry timetable changes for winter</title><link>https://quay.example/ferry</link>
              <content:encoded><p>The winter timetable starts on Monday. Ferries leave every forty minutes instead of every twenty, and the last crossing is at ten in the evening. The harbour office says the change follows a drop in passengers after the summer season, and that the summer timetable returns in April.</p></content:encoded></item>
            <item><title>Market square repaving finished</title><link>https://quay.example/market</link>
              <description>The market square reopened after six weeks of repaving work, two days ahead of plan. Stalls return on Saturday, and the council says the new stones drain rain water far better than the old ones did during the autumn storms.</description></item>
            </channel></rss>
            """);
        var other = _input.File("brief.md", "# Library extends its opening hours\n\nThe town library now opens until nine on weekday evenings, the council said, after a survey of readers asked for later hours.");
        await using var services = Services(new() { ["Web:FetchPages"] = "false" });

        var report = await services.GetRequiredService<IngestionPipeline>().IngestAsync([feed, other]);

        Assert.Equal(3, report.New);
        var ferry = await services.GetRequiredService<INewsStore>().GetArticleAsync(ArticleIdentity.IdFor(null, "https://quay.example/ferry", "", null, null));
        Assert.Contains("every forty minutes", ferry!.Body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<title>Harbour & ferry fares fall</title>", "<title>Harbour &amp; ferry fares fall</title>", 7)]
    [InlineData("<enclosure url=\"https://quay.example/a.mp3\" length=\"abc\" type=\"audio/mpeg\"/>", "", 7)]
    [InlineData("<title>Unclosed <b>tag in a title</title>", "", 6)]
    public async Task One_malformed_item_is_reported_alone_and_the_feeds_other_items_are_stored(string fault, string expectedTitleFragment, int stored)
    {
        var items = string.Concat(Enumerable.Range(1, 7).Select(i => i == 4
            ? $"<item>{(fault.StartsWith("<title", StringComparison.Ordinal) ? fault : "<title>Harbour fares item four</title>" + fault)}<link>https://quay.example/item-4</link><description>Item four of the quay feed tells of ferry fares at the harbour, which fall by a tenth from Monday for every passenger.</description></item>"
            : $"<item><title>Quay notes item {i}</title><link>https://quay.example/item-{i}</link><description>Item {i} of the quay feed: the harbour office reports on boats, the weather and works on the quay number {i} this week.</description></item>"));
        var feed = _input.File("faulty.rss", $"<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel><title>Quay Notes</title>{items}</channel></rss>");
        await using var services = Services(new() { ["Web:FetchPages"] = "false" });

        var report = await services.GetRequiredService<IngestionPipeline>().IngestAsync([feed]);

        Assert.Equal(stored, report.New);
        Assert.Equal(7 - stored, report.Failed);
        if (stored == 6)
        {
            Assert.Contains(report.Outcomes, o => o.Error is not null && o.Location.EndsWith("item 4", StringComparison.Ordinal));
        }
        else
        {
            var fourth = await services.GetRequiredService<INewsStore>().GetArticleAsync(ArticleIdentity.IdFor(null, "https://quay.example/item-4", "", null, null));
            Assert.Contains(expectedTitleFragment.Length > 0 ? "Harbour & ferry fares fall" : "Harbour fares item four", fourth!.Title, StringComparison.Ordinal);
        }
    }

    public async Task DisposeAsync()
    {
        await _site.DisposeAsync();
        _data.Dispose();
        _input.Dispose();
    }
}

/// <summary>Tests that change process-wide HTTP settings run alone.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class GlobalProxyCollection
{
    public const string Name = "Process-wide HTTP settings";
}
