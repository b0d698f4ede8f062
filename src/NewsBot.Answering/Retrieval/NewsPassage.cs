using Microsoft.SemanticKernel.Data;
using NewsBot.Core.Embeddings;
using NewsBot.Core.Storage;

namespace NewsBot.Answering.Retrieval;

/// <summary>A retrieved passage as Semantic Kernel's text search sees it: name, link and value, plus what citations need.</summary>
public sealed record NewsPassage
{
    public required string PassageId { get; init; }

    public required string ArticleId { get; init; }

    [TextSearchResultName]
    public required string Title { get; init; }

    public string? Source { get; init; }

    public DateTimeOffset? PublishedAt { get; init; }

    [TextSearchResultLink]
    public string? Url { get; init; }

    /// <summary>The passage as the answer step receives it: header line, then text.</summary>
    [TextSearchResultValue]
    public required string Text { get; init; }

    public double Score { get; init; }

    /// <summary>Other outlets that ran a copy of this article's text.</summary>
    public IReadOnlyList<string> AlsoReportedBy { get; init; } = [];

    /// <summary>Its sentences' vectors from ingest (<see cref="Core.Chunking.PassageSentences"/>), when the store holds them.</summary>
    public SentenceVectors? Sentences { get; init; }

    /// <summary>The passage text without its header line.</summary>
    public string Body => Text[(Text.IndexOf('\n') + 1)..];

    public static NewsPassage From(PassageHit hit) => new()
    {
        PassageId = hit.PassageId,
        ArticleId = hit.ArticleId,
        Title = hit.Title,
        Source = hit.Source,
        PublishedAt = hit.PublishedAt,
        Url = hit.Url,
        Text = hit.Text,
        Score = hit.Score,
        AlsoReportedBy = hit.AlsoReportedBy,
        Sentences = hit.Sentences,
    };
}
