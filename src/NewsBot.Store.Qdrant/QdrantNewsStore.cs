using Grpc.Core;
using Microsoft.Extensions.Options;
using NewsBot.Core.Articles;
using NewsBot.Core.Storage;
using Qdrant.Client;
using Qdrant.Client.Grpc;
using static NewsBot.Store.Qdrant.QdrantPayload;

namespace NewsBot.Store.Qdrant;

/// <summary>
/// The scale-out store: one Qdrant collection holding passages (dense + sparse vectors) and articles. The collection
/// is created on first write with payload indexes and records the embedding model in its metadata. An article is
/// written passages first and its content hash last, so an interrupted write is redone by the next ingest.
/// </summary>
public sealed class QdrantNewsStore : INewsStore, IHybridSearchStore, IDisposable
{
    private const int BatchSize = 64;
    private readonly QdrantConnection _connection;
    private readonly QdrantClient _client;
    private readonly QdrantCalls _calls;
    private readonly QdrantCollection _collection;
    private readonly QdrantStoreOptions _options;
    private readonly OutletListCache _outlets;

    public QdrantNewsStore(IOptions<QdrantStoreOptions> options, TimeProvider? time = null)
    {
        _outlets = new OutletListCache(time);
        _options = options.Value;
        _connection = new QdrantConnection(_options);
        _client = _connection.Client;
        _calls = new QdrantCalls(_options);
        _collection = new QdrantCollection(_client, _calls, _options);
    }

    private string Collection => _options.Collection;

    public async Task<bool> LacksSentenceVectorsAsync(string articleId, CancellationToken cancellationToken = default) =>
        await _calls.CallAsync(ct => _client.CountAsync(Collection, QdrantRequests.PassagesWithoutSentences(articleId), exact: true, cancellationToken: ct), cancellationToken) > 0;

    public async Task<string?> GetContentHashAsync(string articleId, CancellationToken cancellationToken = default)
    {
        var point = await RetrieveArticleAsync(articleId, cancellationToken);
        return point is null ? null : Text(point.Payload, "content_hash");
    }

    public async Task UpsertArticleAsync(Article article, IReadOnlyList<IndexedPassage> passages, EmbeddingModelInfo model, CancellationToken cancellationToken = default)
    {
        await _collection.EnsureAsync(model, cancellationToken);
        foreach (var batch in passages.Select(p => QdrantRequests.PassagePoint(article, p)).Chunk(BatchSize))
        {
            await _calls.CallAsync(ct => _client.UpsertAsync(Collection, batch, wait: true, cancellationToken: ct), cancellationToken);
        }

        await _calls.CallAsync(ct => _client.DeleteAsync(Collection, QdrantRequests.StalePassages(article.Id, passages.Count), wait: true, cancellationToken: ct), cancellationToken);
        await _calls.CallAsync(ct => _client.UpsertAsync(Collection, [QdrantRequests.ArticlePoint(article)], wait: true, cancellationToken: ct), cancellationToken);
        _outlets.Clear();
    }

    public async Task<bool> DeleteArticleAsync(string articleId, CancellationToken cancellationToken = default)
    {
        var existed = await RetrieveArticleAsync(articleId, cancellationToken) is not null;
        if (await _collection.ExistsAsync(cancellationToken))
        {
            await _calls.CallAsync(ct => _client.DeleteAsync(Collection, QdrantRequests.ArticleFilter(articleId), wait: true, cancellationToken: ct), cancellationToken);
            _outlets.Clear();
        }

        return existed;
    }

    public async Task<IReadOnlyList<PassageHit>> KeywordSearchAsync(IReadOnlyList<string> terms, SearchFilter filter, int top, CancellationToken cancellationToken = default)
    {
        if (terms.Count == 0 || top <= 0 || !await _collection.ExistsAsync(cancellationToken))
        {
            return [];
        }

        var points = await _calls.CallAsync(ct => _client.QueryAsync(Collection, query: SparseTerms.ForQuery(terms), usingVector: QdrantRequests.Sparse,
            filter: QdrantRequests.PassageFilter(filter), limit: (ulong)top, payloadSelector: true, cancellationToken: ct), cancellationToken);
        return points.Select(Hit).ToArray();
    }

    public async Task<IReadOnlyList<PassageHit>> VectorSearchAsync(ReadOnlyMemory<float> vector, SearchFilter filter, int top, CancellationToken cancellationToken = default)
    {
        if (top <= 0 || !await _collection.ExistsAsync(cancellationToken))
        {
            return [];
        }

        var points = await _calls.CallAsync(ct => _client.QueryAsync(Collection, query: vector.ToArray(), usingVector: QdrantRequests.Dense,
            filter: QdrantRequests.PassageFilter(filter), limit: (ulong)top, payloadSelector: true, cancellationToken: ct), cancellationToken);
        return points.Select(Hit).ToArray();
    }

    /// <summary>Hybrid search inside Qdrant: dense and sparse prefetches fused with reciprocal rank fusion.</summary>
    public async Task<IReadOnlyList<PassageHit>> HybridSearchAsync(ReadOnlyMemory<float> vector, IReadOnlyList<string> terms, SearchFilter filter, int top, int candidates, CancellationToken cancellationToken = default)
    {
        if (top <= 0 || !await _collection.ExistsAsync(cancellationToken))
        {
            return [];
        }

        var points = await _calls.CallAsync(ct => _client.QueryAsync(Collection, query: Fusion.Rrf, prefetch: QdrantRequests.HybridPrefetch(vector, terms, filter, candidates),
            limit: (ulong)top, payloadSelector: true, cancellationToken: ct), cancellationToken);
        return points.Select(Hit).ToArray();
    }

    public async Task<Article?> GetArticleAsync(string articleId, CancellationToken cancellationToken = default)
    {
        var point = await RetrieveArticleAsync(articleId, cancellationToken);
        return point is null ? null : ToArticle(point.Payload);
    }

    /// <summary>Newest first by <c>published_at</c>; undated articles after them when the filter names no period (as in the embedded store).</summary>
    public async Task<IReadOnlyList<Article>> GetLatestArticlesAsync(int count, SearchFilter filter, CancellationToken cancellationToken = default)
    {
        // Qdrant refuses a limit of 0.
        if (count <= 0 || !await _collection.ExistsAsync(cancellationToken))
        {
            return [];
        }

        var page = await _calls.CallAsync(ct => _client.ScrollAsync(Collection, QdrantRequests.Articles(filter), (uint)count, payloadSelector: true,
            orderBy: new OrderBy { Key = "published_at", Direction = Direction.Desc }, cancellationToken: ct), cancellationToken);
        var articles = page.Result.Select(p => ToArticle(p.Payload)).ToList();
        if (articles.Count < count && filter.From is null && filter.To is null)
        {
            var undated = await _calls.CallAsync(ct => _client.ScrollAsync(Collection, QdrantRequests.UndatedArticles(filter), (uint)(count - articles.Count), payloadSelector: true, cancellationToken: ct), cancellationToken);
            articles.AddRange(undated.Result.Select(p => ToArticle(p.Payload)));
        }

        return articles;
    }

    public async Task<StoreStats> GetStatsAsync(CancellationToken cancellationToken = default)
    {
        var location = $"{_options.EndpointUri} collection {Collection}";
        if (!await _collection.ExistsAsync(cancellationToken))
        {
            return new StoreStats(0, 0, 0, null, null, null, location);
        }

        var articles = await _calls.CallAsync(ct => _client.CountAsync(Collection, QdrantRequests.Articles(), exact: true, cancellationToken: ct), cancellationToken);
        var passages = await _calls.CallAsync(ct => _client.CountAsync(Collection, QdrantRequests.PassageFilter(SearchFilter.None), exact: true, cancellationToken: ct), cancellationToken);
        var oldest = await EdgeDateAsync(Direction.Asc, cancellationToken);
        var newest = await EdgeDateAsync(Direction.Desc, cancellationToken);
        var sources = await ReadSourcesAsync(cancellationToken);
        return new StoreStats((long)articles, (long)passages, sources.Select(s => s.ToLowerInvariant()).Distinct().Count(), oldest, newest, await _collection.ReadModelAsync(cancellationToken), location);
    }

    /// <summary>
    /// The outlets of all articles, read page by page from the article points. Asked for every question (outlet
    /// detection), so the list is kept for <see cref="OutletListCache.Lifetime"/>; this process's own writes refresh it.
    /// </summary>
    public Task<IReadOnlyList<string>> GetSourcesAsync(CancellationToken cancellationToken = default) =>
        _outlets.GetAsync(ReadSourcesAsync, version: null, cancellationToken);

    private async Task<IReadOnlyList<string>> ReadSourcesAsync(CancellationToken cancellationToken)
    {
        if (!await _collection.ExistsAsync(cancellationToken))
        {
            return [];
        }

        var sources = new SortedSet<string>(StringComparer.Ordinal);
        PointId? offset = null;
        do
        {
            var page = await _calls.CallAsync(ct => _client.ScrollAsync(Collection, QdrantRequests.Articles(), 1000, offset,
                payloadSelector: new WithPayloadSelector { Include = new PayloadIncludeSelector { Fields = { "source" } } }, cancellationToken: ct), cancellationToken);
            foreach (var point in page.Result)
            {
                if (Text(point.Payload, "source") is { } source)
                {
                    sources.Add(source);
                }
            }

            offset = page.NextPageOffset;
        }
        while (offset is not null);

        return sources.ToArray();
    }

    public async IAsyncEnumerable<StoredArticle> ExportAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var model = await _collection.ReadModelAsync(cancellationToken);
        if (model is null)
        {
            yield break;
        }

        PointId? offset = null;
        do
        {
            var page = await _calls.CallAsync(ct => _client.ScrollAsync(Collection, QdrantRequests.Articles(), 100, offset, payloadSelector: true, cancellationToken: ct), cancellationToken);
            foreach (var point in page.Result)
            {
                var article = ToArticle(point.Payload);
                var passages = await _calls.CallAsync(ct => _client.ScrollAsync(Collection, QdrantRequests.ArticlePassages(article.Id), 10_000, payloadSelector: true,
                    vectorsSelector: new WithVectorsSelector { Include = new VectorsSelector { Names = { QdrantRequests.Dense } } }, cancellationToken: ct), cancellationToken);
                var indexed = passages.Result
                    .Select(p => new IndexedPassage(
                        new NewsBot.Core.Chunking.Passage(Text(p.Payload, "passage_id")!, article.Id, (int)p.Payload["idx"].IntegerValue, Text(p.Payload, "text") ?? ""),
                        DenseOf(p.Vectors.Vectors.Vectors[QdrantRequests.Dense]))
                    {
                        Sentences = Sentences(p.Payload),
                    })
                    .OrderBy(p => p.Passage.Index)
                    .ToArray();
                yield return new StoredArticle(article with { }, indexed, model);
            }

            offset = page.NextPageOffset;
        }
        while (offset is not null);
    }

    public void Dispose() => _connection.Dispose();

    private async Task<RetrievedPoint?> RetrieveArticleAsync(string articleId, CancellationToken cancellationToken)
    {
        if (!await _collection.ExistsAsync(cancellationToken))
        {
            return null;
        }

        var points = await _calls.CallAsync(ct => _client.RetrieveAsync(Collection, QdrantRequests.ArticlePointId(articleId), withPayload: true, withVectors: false, cancellationToken: ct), cancellationToken);
        return points.FirstOrDefault();
    }

    private async Task<DateTimeOffset?> EdgeDateAsync(Direction direction, CancellationToken cancellationToken)
    {
        var page = await _calls.CallAsync(ct => _client.ScrollAsync(Collection, QdrantRequests.Articles(), 1, payloadSelector: true,
            orderBy: new OrderBy { Key = "published_at", Direction = direction }, cancellationToken: ct), cancellationToken);
        return page.Result.Count == 0 ? null : Date(page.Result[0].Payload);
    }
}
