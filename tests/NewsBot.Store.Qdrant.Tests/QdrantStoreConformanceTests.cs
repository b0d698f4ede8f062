using Microsoft.Extensions.Options;
using NewsBot.Core.Storage;
using NewsBot.Store.Conformance;
using Qdrant.Client;

namespace NewsBot.Store.Qdrant.Tests;

/// <summary>
/// The store conformance suite against a real Qdrant, when QDRANT_ENDPOINT names one (e.g. http://localhost:6334,
/// with QDRANT_API_KEY if it needs a key); reported as skipped otherwise. Each test class run uses its own collection.
/// </summary>
public sealed class QdrantStoreConformanceTests : NewsStoreConformance
{
    private static readonly string? Endpoint = Environment.GetEnvironmentVariable("QDRANT_ENDPOINT");
    private readonly string _collection = "newsbot_test_" + Guid.NewGuid().ToString("N")[..12];
    private QdrantNewsStore? _store;

    protected override string SkipReason => "QDRANT_ENDPOINT is not set: start Qdrant (docker compose up -d qdrant) and set QDRANT_ENDPOINT=http://localhost:6334 to run the Qdrant store against the conformance suite.";

    protected override Task<INewsStore?> CreateStoreAsync()
    {
        if (string.IsNullOrWhiteSpace(Endpoint))
        {
            return Task.FromResult<INewsStore?>(null);
        }

        _store = new QdrantNewsStore(Options.Create(Settings()));
        return Task.FromResult<INewsStore?>(_store);
    }

    protected override async Task DisposeStoreAsync()
    {
        if (_store is null)
        {
            return;
        }

        _store.Dispose();
        var settings = Settings();
        using var client = new QdrantClient(settings.EndpointUri, settings.ApiKey);
        if (await client.CollectionExistsAsync(_collection))
        {
            await client.DeleteCollectionAsync(_collection);
        }
    }

    private QdrantStoreOptions Settings() => new()
    {
        Endpoint = Endpoint!,
        ApiKey = Environment.GetEnvironmentVariable("QDRANT_API_KEY"),
        Collection = _collection,
    };
}
