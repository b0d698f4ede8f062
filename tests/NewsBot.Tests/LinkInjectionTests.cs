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

        Assert.Contains("phish.example", string.Concat(replies.Select(r => (string?)r["text"])), StringComparison.Ordinal);
    }

    public void Dispose() => _data.Dispose();

    /// <summary>A Markdown link whose opening bracket is not escaped, leading to the phishing site.</summary>
    [GeneratedRegex(@"(?<!\\)\[[^\]]*(?<!\\)\]\(https://phish\.example")]
    private static partial Regex UnescapedLink();
}
