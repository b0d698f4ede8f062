using Microsoft.Extensions.Options;
using NewsBot.Core.Storage;
using NewsBot.Store.Conformance;
using NewsBot.Testing;
using Qdrant.Client;
using Xunit;

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

    [SkippableFact]
    public async Task A_collection_left_without_payload_indexes_gets_them_on_the_next_start()
    {
        SkipUnlessAvailable();
        var settings = Settings();
        using (var client = new QdrantClient(settings.EndpointUri, settings.ApiKey))
        {
            // As a crash between creating the collection and its indexes leaves it.
            await client.CreateCollectionAsync(QdrantRequests.CreateCollection(_collection, Model, onDiskPayload: true));
        }

        await StoreAsync(TestArticles.Election);

        using var check = new QdrantClient(settings.EndpointUri, settings.ApiKey);
        var schema = (await check.GetCollectionInfoAsync(_collection)).PayloadSchema;
        Assert.All(QdrantRequests.PayloadIndexes, index => Assert.True(schema.ContainsKey(index.Field), index.Field));
        Assert.Equal([TestArticles.Election.Id], (await Store.GetLatestArticlesAsync(5, SearchFilter.None)).Select(a => a.Id));
    }

    [SkippableFact]
    public async Task Two_processes_making_the_collection_at_once_both_store_their_article()
    {
        SkipUnlessAvailable();
        using var other = new QdrantNewsStore(Options.Create(Settings()));
        var passage = new IndexedPassage(new NewsBot.Core.Chunking.Passage("x#0", "x", 0, "text"), new float[Model.Dimensions]);

        await Task.WhenAll(
            StoreAsync(TestArticles.Election),
            other.UpsertArticleAsync(TestArticles.Orchard, [passage with { Passage = passage.Passage with { Id = TestArticles.Orchard.Id + "#0", ArticleId = TestArticles.Orchard.Id } }], Model));

        Assert.Equal(2, (await Store.GetStatsAsync()).Articles);
    }

    [SkippableFact]
    public async Task An_export_page_larger_than_grpcs_default_4_MiB_is_read()
    {
        SkipUnlessAvailable();
        var body = string.Concat(Enumerable.Repeat("The harbour council met again on Tuesday to discuss the budget. ", 1000));
        for (var i = 0; i < 100; i++)
        {
            var article = TestArticles.Make($"long-{i}", $"Long report {i}", body);
            var passage = new IndexedPassage(new NewsBot.Core.Chunking.Passage(article.Id + "#0", article.Id, 0, "Long report"), new float[Model.Dimensions]);
            await Store.UpsertArticleAsync(article, [passage], Model);
        }

        var exported = 0;
        await foreach (var _ in Store.ExportAsync())
        {
            exported++;
        }

        Assert.Equal(100, exported);
    }

    private QdrantStoreOptions Settings() => new()
    {
        Endpoint = Endpoint!,
        ApiKey = Environment.GetEnvironmentVariable("QDRANT_API_KEY"),
        Collection = _collection,
    };
}
