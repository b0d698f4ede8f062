using Microsoft.Extensions.DependencyInjection;
using NewsBot.Core.Ingestion;
using NewsBot.Testing;
using Xunit;

namespace NewsBot.Tests;

public sealed class BotRepliesTests : IDisposable
{
    private readonly TempDirectory _data = new();

    [Fact]
    public async Task One_outlet_is_one_outlet()
    {
        await using var bot = new BotHost(_data.Path, new Dictionary<string, string?> { ["Bot:SeedSampleNews"] = "false" });
        await bot.Services.GetRequiredService<IngestionPipeline>().IngestAsync([_data.File("one.jsonl", WireCopies.Line("one", "Harbour ferry fares fall", "Harbour Courier", "2026-11-30T08:00:00Z", "Harbour ferry fares fall by a tenth from Monday, the operator said."))]);

        var reply = (await bot.RepliesAsync(BotHost.Message("sources")))[^1];

        Assert.StartsWith("I read 1 outlet: Harbour Courier.", (string?)reply["text"], StringComparison.Ordinal);
        Assert.Equal("What's the latest from Harbour Courier?", (string?)reply["suggestedActions"]!["actions"]![0]!["value"]);
    }

    public void Dispose() => _data.Dispose();
}
