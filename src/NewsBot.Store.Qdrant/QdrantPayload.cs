using System.Globalization;
using NewsBot.Core.Articles;
using NewsBot.Core.Embeddings;
using NewsBot.Core.Storage;
using Qdrant.Client.Grpc;

namespace NewsBot.Store.Qdrant;

/// <summary>Points read back as NewsBot's records: a scored passage as a hit, an article point as an article.</summary>
internal static class QdrantPayload
{
    public const string SentenceVectorsField = "sentence_vectors";

    /// <summary>Servers answer with the dense form or, in older versions, the plain data field.</summary>
    public static float[] DenseOf(VectorOutput vector)
    {
#pragma warning disable CS0612 // Older Qdrant servers fill only the deprecated field.
        return (vector.VectorCase == VectorOutput.VectorOneofCase.Dense ? vector.Dense.Data : vector.Data).ToArray();
#pragma warning restore CS0612
    }

    public static PassageHit Hit(ScoredPoint point) => new(
        Text(point.Payload, "passage_id")!,
        Text(point.Payload, "article_id")!,
        Text(point.Payload, "title") ?? "",
        Text(point.Payload, "source"),
        Date(point.Payload),
        Text(point.Payload, "url"),
        Text(point.Payload, "text") ?? "",
        point.Score)
    {
        Sentences = Sentences(point.Payload),
    };

    /// <summary>The passage's sentence vectors; null when the point has none or they do not read back whole.</summary>
    public static SentenceVectors? Sentences(IDictionary<string, Value> payload)
    {
        if (Text(payload, SentenceVectorsField) is not { } encoded)
        {
            return null;
        }

        var bytes = new byte[encoded.Length * 3 / 4];
        return Convert.TryFromBase64String(encoded, bytes, out var written) ? SentenceVectors.FromBytes(bytes[..written]) : null;
    }

    public static Article ToArticle(IDictionary<string, Value> payload) => new()
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

    public static string? Text(IDictionary<string, Value> payload, string key) =>
        payload.TryGetValue(key, out var value) && value.StringValue is { Length: > 0 } text ? text : null;

    public static DateTimeOffset? Date(IDictionary<string, Value> payload) =>
        Text(payload, "published_at") is { } text ? DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal) : null;
}
