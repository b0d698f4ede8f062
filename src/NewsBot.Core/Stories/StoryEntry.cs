using NewsBot.Core.Articles;
using NewsBot.Core.Ingestion;

namespace NewsBot.Core.Stories;

/// <summary>
/// An article as ingest records it for stories: its text, one vector for the whole article (the normalised mean of
/// its passages' vectors), whether it is new, updated or unchanged, and for an update the version it replaces.
/// </summary>
public sealed record StoryEntry(Article Article, ReadOnlyMemory<float> Vector, IngestStatus Status, Article? Previous = null)
{
    /// <summary>
    /// Whether followers hear of it and a version is kept: a new article, or an update whose headline or text changed
    /// (not one where only metadata such as the date moved).
    /// </summary>
    public bool IsNews => Status == IngestStatus.New
        || (Status == IngestStatus.Updated && (Previous is null || Previous.Title != Article.Title || Previous.Body != Article.Body));

    /// <summary>The normalised mean of passage vectors: one direction for the article as a whole.</summary>
    public static float[] ArticleVector(IReadOnlyList<ReadOnlyMemory<float>> passages)
    {
        var dimensions = passages.Count == 0 ? 0 : passages[0].Length;
        var mean = new float[dimensions];
        foreach (var passage in passages)
        {
            var span = passage.Span;
            for (var i = 0; i < dimensions; i++)
            {
                mean[i] += span[i];
            }
        }

        var norm = MathF.Sqrt(mean.Sum(v => v * v));
        if (norm > 0)
        {
            for (var i = 0; i < dimensions; i++)
            {
                mean[i] /= norm;
            }
        }

        return mean;
    }
}
