using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using NewsBot.Core.Articles;
using NewsBot.Core.Storage;
using Qdrant.Client.Grpc;
using static Qdrant.Client.Grpc.Conditions;

namespace NewsBot.Store.Qdrant;

/// <summary>
/// How NewsBot's data maps onto one Qdrant collection: a point per passage (named dense vector <c>dense</c>,
/// sparse keyword vector <c>sparse</c>) and a vector-less point per article that holds its metadata and content
/// hash; ids derived from passage and article ids, so writing again overwrites instead of duplicating.
/// </summary>
public static class QdrantRequests
{
    public const string Dense = "dense";
    public const string Sparse = "sparse";
    public const string KindPassage = "passage";
    public const string KindArticle = "article";
    public const string ModelKey = "newsbot_embedding_model";
    public const string DimensionsKey = "newsbot_embedding_dimensions";

    /// <summary>Payload fields filtered on, indexed when the collection is made: filtering without them is slow at scale.</summary>
    public static readonly (string Field, PayloadSchemaType Type)[] PayloadIndexes =
    [
        ("kind", PayloadSchemaType.Keyword),
        ("article_id", PayloadSchemaType.Keyword),
        ("source_key", PayloadSchemaType.Keyword),
        ("published_at", PayloadSchemaType.Datetime),
        ("idx", PayloadSchemaType.Integer),
    ];

    /// <summary>The collection: named dense and sparse vectors, the model in its metadata, payloads on disk (read when needed) or kept in RAM, as chosen.</summary>
    public static CreateCollection CreateCollection(string name, EmbeddingModelInfo model, bool onDiskPayload)
    {
        var request = new CreateCollection
        {
            CollectionName = name,
            VectorsConfig = new VectorsConfig { ParamsMap = DenseVectors(model.Dimensions) },
            SparseVectorsConfig = SparseVectors(),

            // Servers since 1.20 read payload.memory; older ones only the deprecated flag, so both say the same.
            Payload = new PayloadStorageParams { Memory = onDiskPayload ? Memory.Cold : Memory.Cached },
#pragma warning disable CS0612
            OnDiskPayload = onDiskPayload,
#pragma warning restore CS0612
        };
        request.Metadata.Add(Metadata(model));
        return request;
    }

    public static VectorParamsMap DenseVectors(int dimensions) =>
        new() { Map = { [Dense] = new VectorParams { Size = (ulong)dimensions, Distance = Distance.Cosine } } };

    public static SparseVectorConfig SparseVectors() =>
        new() { Map = { [Sparse] = new SparseVectorParams { Modifier = Modifier.Idf } } };

    public static Dictionary<string, Value> Metadata(EmbeddingModelInfo model) =>
        new() { [ModelKey] = model.ModelId, [DimensionsKey] = model.Dimensions };

    public static EmbeddingModelInfo? ModelFrom(IDictionary<string, Value> metadata) =>
        metadata.TryGetValue(ModelKey, out var id) && metadata.TryGetValue(DimensionsKey, out var dims)
            ? new EmbeddingModelInfo(id.StringValue, (int)(dims.HasIntegerValue ? dims.IntegerValue : (long)dims.DoubleValue))
            : null;

    public static Guid PassagePointId(string passageId) => NameBasedGuid("passage:" + passageId);

    public static Guid ArticlePointId(string articleId) => NameBasedGuid("article:" + articleId);

    public static PointStruct PassagePoint(Article article, IndexedPassage passage) => WithSentences(passage, WithDate(article, new PointStruct
    {
        Id = PassagePointId(passage.Passage.Id),
        Vectors = new Dictionary<string, Vector>
        {
            [Dense] = passage.Vector.ToArray(),
            [Sparse] = SparseTerms.ForPassage(passage.Passage.Text),
        },
        Payload =
        {
            ["kind"] = KindPassage,
            ["passage_id"] = passage.Passage.Id,
            ["idx"] = passage.Passage.Index,
            ["text"] = passage.Passage.Text,
            ["article_id"] = article.Id,
            ["title"] = article.Title,
            ["source"] = article.Source ?? "",
            ["source_key"] = article.Source?.ToLowerInvariant() ?? "",
            ["url"] = article.Url ?? "",
        },
    }));

    /// <summary>The sentences' int8 vectors as a base64 payload field, read back with the passage (never indexed or searched).</summary>
    private static PointStruct WithSentences(IndexedPassage passage, PointStruct point)
    {
        if (passage.Sentences is { } sentences)
        {
            point.Payload[QdrantPayload.SentenceVectorsField] = Convert.ToBase64String(sentences.Bytes);
        }

        return point;
    }

    /// <summary>The article's own point: no vectors, its metadata and content hash as payload.</summary>
    public static PointStruct ArticlePoint(Article article) => WithDate(article, new PointStruct
    {
        Id = ArticlePointId(article.Id),
        Vectors = new Dictionary<string, Vector>(),
        Payload =
        {
            ["kind"] = KindArticle,
            ["article_id"] = article.Id,
            ["title"] = article.Title,
            ["body"] = article.Body,
            ["url"] = article.Url ?? "",
            ["source"] = article.Source ?? "",
            ["source_key"] = article.Source?.ToLowerInvariant() ?? "",
            ["author"] = article.Author ?? "",
            ["category"] = article.Category ?? "",
            ["tags"] = string.Join('\n', article.Tags),
            ["content_hash"] = article.ContentHash,
        },
    });

    /// <summary>Passages only, restricted by outlet (any of, case-insensitive) and publication time [from, to).</summary>
    public static Filter PassageFilter(SearchFilter filter) => Restricted(KindPassage, filter);

    /// <summary>Article points only, restricted like passages.</summary>
    public static Filter Articles(SearchFilter filter) => Restricted(KindArticle, filter);

    private static Filter Restricted(string kind, SearchFilter filter)
    {
        var result = new Filter { Must = { MatchKeyword("kind", kind) } };
        if (filter.Sources.Count > 0)
        {
            result.Must.Add(Match("source_key", filter.Sources.Select(s => s.ToLowerInvariant()).ToArray()));
        }

        if (filter.From is not null || filter.To is not null)
        {
            result.Must.Add(DatetimeRange("published_at", lt: filter.To?.UtcDateTime, gte: filter.From?.UtcDateTime));
        }

        return result;
    }

    public static Filter ArticleFilter(string articleId) => new() { Must = { MatchKeyword("article_id", articleId) } };

    /// <summary>The passages of an article beyond its new passage count, left over from a longer earlier version.</summary>
    public static Filter StalePassages(string articleId, int keep) => new()
    {
        Must = { MatchKeyword("kind", KindPassage), MatchKeyword("article_id", articleId), Range("idx", new global::Qdrant.Client.Grpc.Range { Gte = keep }) },
    };

    public static Filter Articles() => new() { Must = { MatchKeyword("kind", KindArticle) } };

    /// <summary>
    /// Undated articles of the filter's outlets: ordering by <c>published_at</c> walks its index, which holds dated
    /// points only, so these are listed after the dated ones with a second request.
    /// </summary>
    public static Filter UndatedArticles(SearchFilter filter)
    {
        var result = Restricted(KindArticle, new SearchFilter { Sources = filter.Sources });
        result.Must.Add(IsEmpty("published_at"));
        return result;
    }

    /// <summary>An article's passages stored without their sentences' vectors (written before NewsBot kept them).</summary>
    public static Filter PassagesWithoutSentences(string articleId)
    {
        var result = ArticlePassages(articleId);
        result.Must.Add(IsEmpty("sentence_vectors"));
        return result;
    }

    public static Filter ArticlePassages(string articleId) => new() { Must = { MatchKeyword("kind", KindPassage), MatchKeyword("article_id", articleId) } };

    /// <summary>Hybrid inside Qdrant: dense and sparse candidates prefetched, fused with reciprocal rank fusion.</summary>
    public static IReadOnlyList<PrefetchQuery> HybridPrefetch(ReadOnlyMemory<float> vector, IReadOnlyList<string> terms, SearchFilter filter, int candidates) =>
    [
        new PrefetchQuery { Query = vector.ToArray(), Using = Dense, Filter = PassageFilter(filter), Limit = (ulong)candidates },
        new PrefetchQuery { Query = SparseTerms.ForQuery(terms), Using = Sparse, Filter = PassageFilter(filter), Limit = (ulong)candidates },
    ];

    /// <summary>The publication time, when known; an undated article has no <c>published_at</c> at all, never a value the datetime index cannot read.</summary>
    private static PointStruct WithDate(Article article, PointStruct point)
    {
        if (article.PublishedAt is { } date)
        {
            point.Payload["published_at"] = date.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        }

        return point;
    }

    private static Guid NameBasedGuid(string name)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(name));
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50); // Version 5 style: name-based.
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true);
    }
}
