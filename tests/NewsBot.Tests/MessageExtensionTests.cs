using System.Net;
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
