using Newtonsoft.Json.Linq;
using NewsBot.Testing;
using Xunit;

namespace NewsBot.Tests;

/// <summary>"Tell me more about: &lt;headline&gt;", the button under an answer: the rest of the story, not its lead again, and no button to ask it twice.</summary>
public sealed class TellMeMoreTests : IAsyncLifetime
{
    private const string Storm = "Storm Elsa closes ports and cuts power to 40,000 homes";
    private const string Nato = "NATO prepares first liaison office in Asia, with Tokyo as its base";

    private readonly TempDirectory _data = new();
    private BotHost _bot = null!;

    public Task InitializeAsync()
    {
        _bot = new BotHost(_data.Path);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task More_about_a_story_goes_on_from_what_was_shown_and_does_not_offer_itself_again()
    {
        var first = await AskAsync($"Tell me about: {Storm}", "more-storm");
        Assert.Contains($"Tell me more about: {Storm}", Buttons(first));
        var shown = Sentences((string)first["text"]!);

        var more = await AskAsync($"Tell me more about: {Storm}", "more-storm");

        var text = (string)more["text"]!;
        Assert.NotEmpty(shown);
        Assert.DoesNotContain(shown, s => text.Contains(s, StringComparison.Ordinal));
        Assert.Contains("Storm Elsa closes ports", more.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain($"Tell me more about: {Storm}", Buttons(more));
    }

    [Fact]
    public async Task More_about_a_story_brings_its_other_outlets_reports_and_offers_its_timeline()
    {
        var more = await AskAsync($"Tell me more about: {Nato}", "more-nato");

        var text = (string)more["text"]!;
        Assert.Contains("Pacific Dispatch", text, StringComparison.Ordinal);
        Assert.Contains("Metro Signal", text, StringComparison.Ordinal);
        Assert.Contains($"Timeline of {Nato}", Buttons(more));
        Assert.DoesNotContain($"Tell me more about: {Nato}", Buttons(more));
    }

    private async Task<JObject> AskAsync(string text, string conversation) =>
        (await _bot.RepliesAsync(BotHost.Message(text, conversation))).Last(a => (string?)a["type"] == "message");

    private static string[] Buttons(JObject reply) =>
        reply["suggestedActions"]?["actions"]?.Select(a => (string)a["value"]!).ToArray() ?? [];

    // The quoted sentences of an answer (before its "As of" line and sources), without their citation links.
    private static string[] Sentences(string text) =>
        System.Text.RegularExpressions.Regex.Replace(text[..text.IndexOf("\n\nAs of", StringComparison.Ordinal)], @"\s*\[\[?\d+\]?(?:\([^)]*\))?\]?", "")
            .Split(['.', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(s => s.Split(' ').Length >= 6 && !s.StartsWith("As of", StringComparison.Ordinal))
            .ToArray();

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        _data.Dispose();
    }
}
