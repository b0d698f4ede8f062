using Microsoft.Extensions.DependencyInjection;
using NewsBot.Core.Ingestion;
using NewsBot.Testing;
using Xunit;

namespace NewsBot.Tests;

/// <summary>In a chat, a wire story run by several outlets is cited once, with the other outlets named.</summary>
public sealed class WireCopiesReplyTests : IDisposable
{
    private readonly TempDirectory _data = new();

    [Theory]
    [InlineData("directline")]
    [InlineData("emulator")]
    public async Task The_sources_list_names_the_other_outlets_that_ran_the_cited_story(string channel)
    {
        await using var bot = new BotHost(_data.Path, new Dictionary<string, string?> { ["Bot:SeedSampleNews"] = "false" });
        await bot.Services.GetRequiredService<IngestionPipeline>().IngestAsync([_data.File("wire.jsonl", string.Join("\n", WireCopies.Lines()))]);

        var reply = (await bot.RepliesAsync(BotHost.Message("How many wagons overturned near Ostrel?", channel: channel)))[^1];

        var text = (string?)reply["text"] ?? "";
        Assert.Contains("eleven wagons overturned", text, StringComparison.Ordinal);
        Assert.Matches(@"also reported by (Harbour Times|Valley Courier|Alpine Courier), (Harbour Times|Valley Courier|Alpine Courier)", text);
    }

    public void Dispose() => _data.Dispose();
}
