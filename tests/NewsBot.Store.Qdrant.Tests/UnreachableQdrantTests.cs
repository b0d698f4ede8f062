using System.Diagnostics;
using Microsoft.Extensions.Options;
using NewsBot.Core.Storage;
using Xunit;

namespace NewsBot.Store.Qdrant.Tests;

/// <summary>A Qdrant that is not there: a clear error naming the endpoint, after a few quick retries, never a hang.</summary>
public sealed class UnreachableQdrantTests
{
    [Fact]
    public async Task An_unreachable_endpoint_fails_fast_with_a_message_that_says_what_to_check()
    {
        using var store = new QdrantNewsStore(Options.Create(new QdrantStoreOptions { Endpoint = "http://127.0.0.1:1", TimeoutSeconds = 3, MaxRetries = 2 }));
        var clock = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<StoreUnavailableException>(() => store.GetStatsAsync());

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"took {clock.Elapsed}");
        Assert.Contains("http://127.0.0.1:1", error.Message, StringComparison.Ordinal);
        Assert.Contains("did not answer", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_malformed_endpoint_is_named_with_its_setting()
    {
        var options = new QdrantStoreOptions { Endpoint = "localhost:6334" };

        var error = Assert.Throws<NewsBot.Core.NewsBotConfigurationException>(() => options.EndpointUri);

        Assert.Contains("VectorStore:Qdrant:Endpoint", error.Message, StringComparison.Ordinal);
    }
}
