using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using NewsBot.Core.Articles;
using NewsBot.Core.Ingestion;
using NewsBot.Testing;
using Newtonsoft.Json.Linq;
using Xunit;

namespace NewsBot.Tests;

/// <summary>Markdown inside an article is shown as text in every reply: an article cannot put a link of its own in front of a reader.</summary>
public sealed partial class LinkInjectionTests : IDisposable
{
    private readonly TempDirectory _data = new();

    [Theory]
    [InlineData("emulator")]
    [InlineData("msteams")]
    [InlineData("directline")]
    public async Task A_link_written_in_an_article_appears_as_text_not_as_a_link(string channel)
    {
        await using var bot = new BotHost(_data.Path, new Dictionary<string, string?> { ["Bot:SeedSampleNews"] = "false" });
        var article = new Article
        {
            Id = "phish-1",
            Title = "Harbour ferry [timetable](https://phish.example/login) changes",
            Body = "The harbour ferry timetable changes on Monday, the port authority said. Ferries will leave every forty minutes. "
                + "Passengers can read the new ferry timetable [here](https://phish.example/steal) or <a href=\"https://phish.example\">there</a>, the authority added. "
                + "The change follows a fall in winter passenger numbers on the harbour ferry.",
            Url = "https://harbour.example/ferry",
            Source = "Harbour Courier",
            PublishedAt = DateTimeOffset.UtcNow.AddDays(-1),
        };
        await bot.Services.GetRequiredService<IngestionPipeline>().IngestAsync([ReadItem.Ok("test", article)]);

        var replies = await bot.RepliesAsync(BotHost.Message("Where can passengers read the new ferry timetable?", channel: channel));
        var latest = await bot.RepliesAsync(BotHost.Message("what's new", channel: channel, conversation: "latest"));

        foreach (var reply in replies.Concat(latest).Where(r => (string?)r["type"] == "message"))
        {
            var text = (string?)reply["text"] ?? "";
            Assert.DoesNotMatch(UnescapedLink(), text);
            Assert.DoesNotMatch(@"(?<!\\)<a href", text);
            Assert.DoesNotContain(reply["entities"]?.Children<JObject>().SelectMany(e => e.Descendants().OfType<JProperty>()) ?? [],
                p => p.Name == "url" && ((string?)p.Value ?? "").Contains("phish.example", StringComparison.Ordinal));
        }

        Assert.Contains(@"phish\[.\]example", string.Concat(replies.Select(r => (string?)r["text"])), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("emulator")]
    [InlineData("msteams")]
    [InlineData("directline")]
    public async Task A_bare_address_written_in_an_article_is_shown_defanged_never_clickable(string channel)
    {
        await using var bot = new BotHost(_data.Path, new Dictionary<string, string?> { ["Bot:SeedSampleNews"] = "false" });
        var article = new Article
        {
            Id = "bare-1",
            Title = "Ferry refunds at refunds.phish.example",
            Body = "Ferry passengers can claim refunds for cancelled winter sailings at https://refunds.phish.example/claim?id=1 or www.phish.example/ferry, the port authority said. "
                + "Claims also go by mail to claims@phish.example, the authority said. "
                + "The ferry refunds cover sailings cancelled since October, the port authority added.",
            Url = "https://harbour.example/ferry-refunds",
            Source = "Harbour Courier",
            PublishedAt = DateTimeOffset.UtcNow.AddDays(-1),
        };
        await bot.Services.GetRequiredService<IngestionPipeline>().IngestAsync([ReadItem.Ok("test", article)]);

        var replies = await bot.RepliesAsync(BotHost.Message("How do ferry passengers claim refunds?", channel: channel));
        var latest = await bot.RepliesAsync(BotHost.Message("what's new", channel: channel, conversation: "latest"));

        var messages = replies.Concat(latest).Where(r => (string?)r["type"] == "message").ToArray();
        Assert.Contains(messages, m => ((string?)m["text"] ?? "").Contains("refunds", StringComparison.Ordinal));
        foreach (var reply in messages)
        {
            var shown = ((string?)reply["text"] ?? "") + " " + reply["entities"]?.ToString();
            Assert.DoesNotMatch(@"phish\.example|https?://refunds|www\.phish", shown);
        }

        Assert.Contains(@"https\[:\]//refunds\[.\]phish\[.\]example", string.Concat(replies.Concat(latest).Select(r => (string?)r["text"])), StringComparison.Ordinal);
    }

    public void Dispose() => _data.Dispose();

    /// <summary>A Markdown link whose opening bracket is not escaped, leading to the phishing site.</summary>
    [GeneratedRegex(@"(?<!\\)\[[^\]]*(?<!\\)\]\(https://phish\.example")]
    private static partial Regex UnescapedLink();
}
