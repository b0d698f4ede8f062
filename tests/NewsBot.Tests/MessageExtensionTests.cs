using System.Net;
using Microsoft.Extensions.DependencyInjection;
using NewsBot.Core.Articles;
using NewsBot.Core.Ingestion;
using NewsBot.Testing;
using Newtonsoft.Json.Linq;
using Xunit;

namespace NewsBot.Tests;

/// <summary>Teams compose box: searching the news returns cards to insert (headline, outlet, date, lead, link).</summary>
public sealed class MessageExtensionTests : IAsyncLifetime
{
    private readonly TempDirectory _data = new();
    private BotHost _bot = null!;

    public Task InitializeAsync()
    {
        _bot = new BotHost(_data.Path, new Dictionary<string, string?> { ["RateLimits:Enabled"] = "false" });
        return Task.CompletedTask;
    }

    [Fact]
    public async Task A_search_from_the_compose_box_returns_article_cards_best_match_first()
    {
        var (status, body) = await _bot.PostAsync(Query("searchNews", new JObject { ["name"] = "query", ["value"] = "tram line" }));

        Assert.Equal(HttpStatusCode.OK, status);
        var result = body!["composeExtension"]!;
        Assert.Equal("result", (string?)result["type"]);
        var cards = result["attachments"]!.Children<JObject>().ToArray();
        Assert.InRange(cards.Length, 1, 10);
        var first = cards[0];
        Assert.Equal("application/vnd.microsoft.card.hero", (string?)first["contentType"]);
        Assert.Contains("tram", ((string?)first["content"]!["title"] ?? "").ToLowerInvariant(), StringComparison.Ordinal);
        Assert.Matches(@"^.+ · \d{1,2} \w+ \d{4}$", (string?)first["content"]!["subtitle"]);
        Assert.False(string.IsNullOrWhiteSpace((string?)first["content"]!["text"]));
        Assert.StartsWith("https://", (string?)first["content"]!["buttons"]![0]!["value"], StringComparison.Ordinal);
        Assert.Equal("application/vnd.microsoft.card.thumbnail", (string?)first["preview"]!["contentType"]);
    }

    [Fact]
    public async Task Opening_the_extension_lists_the_newest_articles()
    {
        var (status, body) = await _bot.PostAsync(Query("searchNews", new JObject { ["name"] = "initialRun", ["value"] = "true" }));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.NotEmpty(body!["composeExtension"]!["attachments"]!);
    }

    [Fact]
    public async Task Cards_show_article_markup_as_plain_text_with_addresses_defanged()
    {
        var article = new Article
        {
            Id = "markup-1",
            Title = "Lighthouse <b>reopens</b> [the official site](http://phish.example/lighthouse)",
            Body = "The Gull Point lighthouse reopens to visitors on Saturday, <a href=\"javascript:alert(1)\">book here</a> or at https://phish.example/tickets, "
                + "the heritage trust said. Tours of the lighthouse run every hour.",
            Url = "https://harbour.example/lighthouse",
            Source = "Harbour <i>Courier</i>",
            PublishedAt = DateTimeOffset.UtcNow.AddDays(-1),
        };
        await _bot.Services.GetRequiredService<IngestionPipeline>().IngestAsync([ReadItem.Ok("test", article)]);

        var (status, body) = await _bot.PostAsync(Query("searchNews", new JObject { ["name"] = "query", ["value"] = "Gull Point lighthouse reopens" }));

        Assert.Equal(HttpStatusCode.OK, status);
        var card = body!["composeExtension"]!["attachments"]!.Children<JObject>().First(c => ((string?)c["content"]!["title"] ?? "").Contains("Lighthouse", StringComparison.Ordinal));
        foreach (var part in new[] { card["content"]!, card["preview"]!["content"]! })
        {
            var shown = string.Join("\n", new[] { "title", "subtitle", "text" }.Select(f => (string?)part[f] ?? ""));
            Assert.DoesNotMatch(@"<|\]\(|javascript:|phish\.example|https?://", shown);
            Assert.Contains("Lighthouse reopens the official site", shown, StringComparison.Ordinal);
            Assert.Contains("Harbour Courier", shown, StringComparison.Ordinal);
        }

        Assert.Equal("https://harbour.example/lighthouse", (string?)card["content"]!["buttons"]![0]!["value"]);
    }

    [Fact]
    public async Task An_unknown_command_is_refused_with_400()
    {
        var (status, _) = await _bot.PostAsync(Query("somethingElse", new JObject { ["name"] = "query", ["value"] = "tram" }));

        Assert.Equal(HttpStatusCode.BadRequest, status);
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        _data.Dispose();
    }

    private static JObject Query(string command, JObject parameter)
    {
        var invoke = BotHost.Message("", channel: "msteams");
        invoke["type"] = "invoke";
        invoke["name"] = "composeExtension/query";
        invoke["value"] = new JObject
        {
            ["commandId"] = command,
            ["parameters"] = new JArray(parameter),
            ["queryOptions"] = new JObject { ["skip"] = 0, ["count"] = 5 },
        };
        return invoke;
    }
}
