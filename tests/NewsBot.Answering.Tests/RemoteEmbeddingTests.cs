using NewsBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using NewsBot.Core.Search;
using NewsBot.Core.Storage;
using Xunit;

namespace NewsBot.Answering.Tests;

/// <summary>Embeddings from an OpenAI-compatible server (as Ollama serves them), chosen by configuration alone.</summary>
public sealed class RemoteEmbeddingTests
{
    [Fact]
    public async Task News_is_embedded_by_the_configured_server_and_the_store_records_its_model()
    {
        await using var server = await FakeChatServer.StartAsync();
        await using var bot = await NewsBotHost.StartAsync(new Dictionary<string, string?>
        {
            ["Embeddings:Provider"] = "OpenAICompatible",
            ["Embeddings:Endpoint"] = server.Endpoint,
            ["Embeddings:Model"] = "test-embed",
        });

        var stats = await bot.Services.GetRequiredService<INewsStore>().GetStatsAsync();
        var hits = await bot.Services.GetRequiredService<NewsSearch>().SearchAsync("Lake Varden water level", top: 1);

        Assert.True(server.EmbeddingRequests >= 1);
        Assert.Equal(new EmbeddingModelInfo("test-embed", 16), stats.EmbeddingModel);
        Assert.Equal("nw-2026-11-18-lake-varden", hits[0].ArticleId);
    }
}
