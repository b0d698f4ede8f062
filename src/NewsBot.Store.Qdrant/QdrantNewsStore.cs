using System.Globalization;
using Grpc.Core;
using Microsoft.Extensions.Options;
using NewsBot.Core.Articles;
using NewsBot.Core.Storage;
using Qdrant.Client;
using Qdrant.Client.Grpc;

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
    private readonly QdrantStoreOptions _options;
    private readonly SemaphoreSlim _collectionLock = new(1, 1);
    private static readonly TimeSpan SourcesLifetime = TimeSpan.FromSeconds(30);
    private EmbeddingModelInfo? _model;
    private (IReadOnlyList<string> Sources, DateTimeOffset ReadAt)? _sources;

    public QdrantNewsStore(IOptions<QdrantStoreOptions> options)
    {
        _options = options.Value;
        _connection = new QdrantConnection(_options);
        _client = _connection.Client;
    }

    private string Collection => _options.Collection;

    public async Task<string?> GetContentHashAsync(string articleId, CancellationToken cancellationToken = default)
    {
        var point = await RetrieveArticleAsync(articleId, cancellationToken);
        return point is null ? null : Text(point.Payload, "content_hash");
    }

    public async Task UpsertArticleAsync(Article article, IReadOnlyList<IndexedPassage> passages, EmbeddingModelInfo model, CancellationToken cancellationToken = default)
    {
        await EnsureCollectionAsync(model, cancellationToken);
        foreach (var batch in passages.Select(p => QdrantRequests.PassagePoint(article, p)).Chunk(BatchSize))
        {
            await CallAsync(ct => _client.UpsertAsync(Collection, batch, wait: true, cancellationToken: ct), cancellationToken);
        }

        await CallAsync(ct => _client.DeleteAsync(Collection, QdrantRequests.StalePassages(article.Id, passages.Count), wait: true, cancellationToken: ct), cancellationToken);
        await CallAsync(ct => _client.UpsertAsync(Collection, [QdrantRequests.ArticlePoint(article)], wait: true, cancellationToken: ct), cancellationToken);
        _sources = null;
    }

    public async Task<bool> DeleteArticleAsync(string articleId, CancellationToken cancellationToken = default)
    {
        var existed = await RetrieveArticleAsync(articleId, cancellationToken) is not null;
        if (await CollectionExistsAsync(cancellationToken))
        {
            await CallAsync(ct => _client.DeleteAsync(Collection, QdrantRequests.ArticleFilter(articleId), wait: true, cancellationToken: ct), cancellationToken);
            _sources = null;
        }

        return existed;
    }

    public async Task<IReadOnlyList<PassageHit>> KeywordSearchAsync(IReadOnlyList<string> terms, SearchFilter filter, int top, CancellationToken cancellationToken = default)
    {
        if (terms.Count == 0 || top <= 0 || !await CollectionExistsAsync(cancellationToken))
        {
            return [];
        }

        var points = await CallAsync(ct => _client.QueryAsync(Collection, query: SparseTerms.ForQuery(terms), usingVector: QdrantRequests.Sparse,
            filter: QdrantRequests.PassageFilter(filter), limit: (ulong)top, payloadSelector: true, cancellationToken: ct), cancellationToken);
        return points.Select(Hit).ToArray();
    }

    public async Task<IReadOnlyList<PassageHit>> VectorSearchAsync(ReadOnlyMemory<float> vector, SearchFilter filter, int top, CancellationToken cancellationToken = default)
    {
        if (top <= 0 || !await CollectionExistsAsync(cancellationToken))
        {
            return [];
        }

        var points = await CallAsync(ct => _client.QueryAsync(Collection, query: vector.ToArray(), usingVector: QdrantRequests.Dense,
            filter: QdrantRequests.PassageFilter(filter), limit: (ulong)top, payloadSelector: true, cancellationToken: ct), cancellationToken);
        return points.Select(Hit).ToArray();
    }

    /// <summary>Hybrid search inside Qdrant: dense and sparse prefetches fused with reciprocal rank fusion.</summary>
    public async Task<IReadOnlyList<PassageHit>> HybridSearchAsync(ReadOnlyMemory<float> vector, IReadOnlyList<string> terms, SearchFilter filter, int top, int candidates, CancellationToken cancellationToken = default)
    {
        if (top <= 0 || !await CollectionExistsAsync(cancellationToken))
        {
            return [];
        }

        var points = await CallAsync(ct => _client.QueryAsync(Collection, query: Fusion.Rrf, prefetch: QdrantRequests.HybridPrefetch(vector, terms, filter, candidates),
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
        if (count <= 0 || !await CollectionExistsAsync(cancellationToken))
        {
            return [];
        }

        var page = await CallAsync(ct => _client.ScrollAsync(Collection, QdrantRequests.Articles(filter), (uint)count, payloadSelector: true,
            orderBy: new OrderBy { Key = "published_at", Direction = Direction.Desc }, cancellationToken: ct), cancellationToken);
        var articles = page.Result.Select(p => ToArticle(p.Payload)).ToList();
        if (articles.Count < count && filter.From is null && filter.To is null)
        {
            var undated = await CallAsync(ct => _client.ScrollAsync(Collection, QdrantRequests.UndatedArticles(filter), (uint)(count - articles.Count), payloadSelector: true, cancellationToken: ct), cancellationToken);
            articles.AddRange(undated.Result.Select(p => ToArticle(p.Payload)));
        }

        return articles;
    }

    public async Task<StoreStats> GetStatsAsync(CancellationToken cancellationToken = default)
    {
        var location = $"{_options.EndpointUri} collection {Collection}";
        if (!await CollectionExistsAsync(cancellationToken))
        {
            return new StoreStats(0, 0, 0, null, null, null, location);
        }

        var articles = await CallAsync(ct => _client.CountAsync(Collection, QdrantRequests.Articles(), exact: true, cancellationToken: ct), cancellationToken);
        var passages = await CallAsync(ct => _client.CountAsync(Collection, QdrantRequests.PassageFilter(SearchFilter.None), exact: true, cancellationToken: ct), cancellationToken);
        var oldest = await EdgeDateAsync(Direction.Asc, cancellationToken);
        var newest = await EdgeDateAsync(Direction.Desc, cancellationToken);
        var sources = await ReadSourcesAsync(cancellationToken);
        return new StoreStats((long)articles, (long)passages, sources.Select(s => s.ToLowerInvariant()).Distinct().Count(), oldest, newest, await ReadModelAsync(cancellationToken), location);
    }

    /// <summary>
    /// The outlets of all articles, read page by page from the article points. Asked for every question (outlet
    /// detection), so the list is kept for <see cref="SourcesLifetime"/>; this process's own writes refresh it.
    /// </summary>
    public async Task<IReadOnlyList<string>> GetSourcesAsync(CancellationToken cancellationToken = default)
    {
        if (_sources is { } cached && DateTimeOffset.UtcNow - cached.ReadAt < SourcesLifetime)
        {
            return cached.Sources;
        }

        var sources = await ReadSourcesAsync(cancellationToken);
        _sources = (sources, DateTimeOffset.UtcNow);
        return sources;
    }

    private async Task<IReadOnlyList<string>> ReadSourcesAsync(CancellationToken cancellationToken)
    {
        if (!await CollectionExistsAsync(cancellationToken))
        {
            return [];
        }

        var sources = new SortedSet<string>(StringComparer.Ordinal);
        PointId? offset = null;
        do
        {
            var page = await CallAsync(ct => _client.ScrollAsync(Collection, QdrantRequests.Articles(), 1000, offset,
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
        var model = await ReadModelAsync(cancellationToken);
        if (model is null)
        {
            yield break;
        }

        PointId? offset = null;
        do
        {
            var page = await CallAsync(ct => _client.ScrollAsync(Collection, QdrantRequests.Articles(), 100, offset, payloadSelector: true, cancellationToken: ct), cancellationToken);
            foreach (var point in page.Result)
            {
                var article = ToArticle(point.Payload);
                var passages = await CallAsync(ct => _client.ScrollAsync(Collection, QdrantRequests.ArticlePassages(article.Id), 10_000, payloadSelector: true,
                    vectorsSelector: new WithVectorsSelector { Include = new VectorsSelector { Names = { QdrantRequests.Dense } } }, cancellationToken: ct), cancellationToken);
                var indexed = passages.Result
                    .Select(p => new IndexedPassage(
                        new NewsBot.Core.Chunking.Passage(Text(p.Payload, "passage_id")!, article.Id, (int)p.Payload["idx"].IntegerValue, Text(p.Payload, "text") ?? ""),
                        DenseOf(p.Vectors.Vectors.Vectors[QdrantRequests.Dense])))
                    .OrderBy(p => p.Passage.Index)
                    .ToArray();
                yield return new StoredArticle(article with { }, indexed, model);
            }

            offset = page.NextPageOffset;
        }
        while (offset is not null);
    }

    public void Dispose() => _connection.Dispose();

    /// <summary>
    /// The collection for this model, made if missing; another process making it at the same moment (AlreadyExists)
    /// is as good. Its payload indexes are ensured once per process, not only at creation, so a collection left
    /// without them by a crash between the two gets them on the next start (creating an index is idempotent in Qdrant).
    /// </summary>
    private async Task EnsureCollectionAsync(EmbeddingModelInfo model, CancellationToken cancellationToken)
    {
        if (_model == model)
        {
            return;
        }

        await _collectionLock.WaitAsync(cancellationToken);
        try
        {
            var stored = await ReadModelAsync(cancellationToken);
            if (stored is null && !await CollectionExistsAsync(cancellationToken))
            {
                try
                {
                    await CallAsync(ct => _client.CreateCollectionAsync(QdrantRequests.CreateCollection(Collection, model, _options.OnDiskPayload), ct), cancellationToken);
                }
                catch (StoreUnavailableException ex) when (ex.InnerException is RpcException { StatusCode: StatusCode.AlreadyExists })
                {
                    // Made by another process meanwhile: its model is checked below like any stored one.
                }

                stored = await ReadModelAsync(cancellationToken);
            }

            if (stored != model)
            {
                throw new EmbeddingModelMismatchException(stored ?? new EmbeddingModelInfo("an unknown model", 0), model, $"{_options.EndpointUri} collection {Collection}");
            }

            foreach (var (field, type) in QdrantRequests.PayloadIndexes)
            {
                await CallAsync(ct => _client.CreatePayloadIndexAsync(Collection, field, type, cancellationToken: ct), cancellationToken);
            }

            _model = model;
        }
        finally
        {
            _collectionLock.Release();
        }
    }

    private async Task<EmbeddingModelInfo?> ReadModelAsync(CancellationToken cancellationToken)
    {
        if (!await CollectionExistsAsync(cancellationToken))
        {
            return null;
        }

        var info = await CallAsync(ct => _client.GetCollectionInfoAsync(Collection, ct), cancellationToken);
        return QdrantRequests.ModelFrom(info.Config.Metadata);
    }

    private Task<bool> CollectionExistsAsync(CancellationToken cancellationToken) =>
        CallAsync(ct => _client.CollectionExistsAsync(Collection, ct), cancellationToken);

    private async Task<RetrievedPoint?> RetrieveArticleAsync(string articleId, CancellationToken cancellationToken)
    {
        if (!await CollectionExistsAsync(cancellationToken))
        {
            return null;
        }

        var points = await CallAsync(ct => _client.RetrieveAsync(Collection, QdrantRequests.ArticlePointId(articleId), withPayload: true, withVectors: false, cancellationToken: ct), cancellationToken);
        return points.FirstOrDefault();
    }

    private async Task<DateTimeOffset?> EdgeDateAsync(Direction direction, CancellationToken cancellationToken)
    {
        var page = await CallAsync(ct => _client.ScrollAsync(Collection, QdrantRequests.Articles(), 1, payloadSelector: true,
            orderBy: new OrderBy { Key = "published_at", Direction = direction }, cancellationToken: ct), cancellationToken);
        return page.Result.Count == 0 ? null : Date(page.Result[0].Payload);
    }

    private Task CallAsync(Func<CancellationToken, Task> call, CancellationToken cancellationToken) =>
        CallAsync(async ct => { await call(ct); return true; }, cancellationToken);

    /// <summary>Retries what <see cref="QdrantRetryPolicy"/> says may pass; anything else, or persistent failure, becomes a clear store error.</summary>
    private async Task<T> CallAsync<T>(Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await call(cancellationToken);
            }
            catch (RpcException ex) when (attempt < _options.MaxRetries && !cancellationToken.IsCancellationRequested && QdrantRetryPolicy.DelayBeforeRetry(ex, attempt) is { } wait)
            {
                await Task.Delay(wait, cancellationToken);
            }
            catch (RpcException ex)
            {
                throw new StoreUnavailableException(QdrantRetryPolicy.Explain(ex, _options.EndpointUri), ex);
            }
        }
    }

    /// <summary>Servers answer with the dense form or, in older versions, the plain data field.</summary>
    private static float[] DenseOf(VectorOutput vector)
    {
#pragma warning disable CS0612 // Older Qdrant servers fill only the deprecated field.
        return (vector.VectorCase == VectorOutput.VectorOneofCase.Dense ? vector.Dense.Data : vector.Data).ToArray();
#pragma warning restore CS0612
    }

    private static PassageHit Hit(ScoredPoint point) => new(
        Text(point.Payload, "passage_id")!,
        Text(point.Payload, "article_id")!,
        Text(point.Payload, "title") ?? "",
        Text(point.Payload, "source"),
        Date(point.Payload),
        Text(point.Payload, "url"),
        Text(point.Payload, "text") ?? "",
        point.Score);

    private static Article ToArticle(IDictionary<string, Value> payload) => new()
    {
        Id = Text(payload, "article_id")!,
        Title = Text(payload, "title") ?? "",
        Body = Text(payload, "body") ?? "",
        Url = Text(payload, "url"),
        Source = Text(payload, "source"),
        Author = Text(payload, "author"),
        PublishedAt = Date(payload),
        Category = Text(payload, "category"),
        Tags = (Text(payload, "tags") ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries),
    };

    private static string? Text(IDictionary<string, Value> payload, string key) =>
        payload.TryGetValue(key, out var value) && value.StringValue is { Length: > 0 } text ? text : null;

    private static DateTimeOffset? Date(IDictionary<string, Value> payload) =>
        Text(payload, "published_at") is { } text ? DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal) : null;
}
