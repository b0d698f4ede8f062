namespace NewsBot.Core.Answering;

/// <summary>A numbered source of an answer, built from a retrieved passage, never from model text.</summary>
/// <param name="Quote">Words of the passage that support the answer; always a substring of the passage.</param>
public sealed record Citation(
    int N,
    string ArticleId,
    string PassageId,
    string Title,
    string? Source,
    DateTimeOffset? PublishedAt,
    string? Url,
    string Quote)
{
    /// <summary>Other outlets that ran a copy of the cited article's text.</summary>
    public IReadOnlyList<string> AlsoReportedBy { get; init; } = [];
}
