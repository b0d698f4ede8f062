using NewsBot.Core.Embeddings;
using NewsBot.Core.Text;

namespace NewsBot.Core.Storage;

/// <summary>A retrieved passage with what a citation needs to point at it, and its score in the search that found it.</summary>
public sealed record PassageHit(
    string PassageId,
    string ArticleId,
    string Title,
    string? Source,
    DateTimeOffset? PublishedAt,
    string? Url,
    string Text,
    double Score)
{
    /// <summary>The passage's header and text as read, marker-like text removed (<see cref="CitationMarkers"/>).</summary>
    public string Text { get; init => field = CitationMarkers.Neutralise(value); } = CitationMarkers.Neutralise(Text);

    public string Title { get; init => field = CitationMarkers.Neutralise(value); } = CitationMarkers.Neutralise(Title);

    /// <summary>Other outlets that ran a copy of this article's text (syndicated wire copy), shown instead of their copies.</summary>
    public IReadOnlyList<string> AlsoReportedBy { get; init; } = [];

    /// <summary>The vectors of the passage's sentences (<see cref="Chunking.PassageSentences"/>), when the store holds them.</summary>
    public SentenceVectors? Sentences { get; init; }
}
