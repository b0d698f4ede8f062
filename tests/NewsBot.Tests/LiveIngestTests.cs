using NewsBot.Testing;
using Xunit;

namespace NewsBot.Tests;

/// <summary>News ingested with the CLI while the bot runs is answerable at once, without a restart.</summary>
[Trait("Category", "Slow")] // a separate process or a browser: run apart with --filter Category=Slow
public sealed class LiveIngestTests : IDisposable
{
    private readonly TempDirectory _data = new();
    private readonly TempDirectory _input = new();

    [Fact]
    public async Task An_article_ingested_by_the_CLI_while_the_bot_runs_is_answered_on_the_next_question()
    {
        await using var bot = new BotHost(_data.Path);
        var before = (await bot.RepliesAsync(BotHost.Message("Where will the Quayside lighthouse museum open?")))[^1];
        var feed = _input.File("new.jsonl", """{"id":"lighthouse","title":"Lighthouse museum to open on Quayside","source":"Harbour Times","published_at":"2026-11-28T07:00:00Z","url":"https://harbour-times.example/local/lighthouse-museum","body":"A lighthouse museum will open on the Quayside in the old customs house next spring, the city said on Saturday. It will show the lens of the decommissioned Kell lighthouse."}""");

        var exitCode = await CliProcess.RunAsync("ingest", feed, "--data", _data.Path, "--json");
        var after = (await bot.RepliesAsync(BotHost.Message("Where will the Quayside lighthouse museum open?")))[^1];

        Assert.Equal(0, exitCode);
        Assert.DoesNotContain("customs house", (string?)before["text"], StringComparison.Ordinal);
        Assert.Contains("customs house", (string?)after["text"], StringComparison.Ordinal);
        Assert.Contains("https://harbour-times.example/local/lighthouse-museum", (string?)after["text"], StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _data.Dispose();
        _input.Dispose();
    }
}
