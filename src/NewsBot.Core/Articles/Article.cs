using NewsBot.Core.Text;

namespace NewsBot.Core.Articles;

/// <summary>One news article as NewsBot keeps it: metadata plus the cleaned body text.</summary>
public sealed record Article
{
    public required string Id { get; init; }
    /// <summary>The headline; marker-like text such as "[1]" is removed (see <see cref="CitationMarkers"/>).</summary>
    public required string Title { get; init => field = CitationMarkers.Neutralise(value); }

    /// <summary>The body; marker-like text such as "[1][2]" is removed, so only NewsBot's own marking cites.</summary>
    public required string Body { get; init => field = CitationMarkers.Neutralise(value); }

    public string? Url { get; init; }
    public string? Source { get; init; }
    public string? Author { get; init; }
    public DateTimeOffset? PublishedAt { get; init; }

    /// <summary>
    /// When the outlet says it last changed the article, when the input says so. Read at ingest to date an update
    /// ("[2] was updated on …"); not part of what is stored or hashed: a new date alone is no new version.
    /// </summary>
    public DateTimeOffset? UpdatedAt { get; init; }
    public string? Category { get; init; }
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>Hash of everything that is stored, so a changed article is recognised on re-ingest.</summary>
    public string ContentHash => ArticleIdentity.ContentHash(this);
}
