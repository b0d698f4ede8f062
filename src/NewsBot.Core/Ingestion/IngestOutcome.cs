namespace NewsBot.Core.Ingestion;

public enum IngestStatus
{
    New,
    Updated,
    Unchanged,
    Failed,
}

/// <summary>What happened to one input item.</summary>
public sealed record IngestOutcome(IngestStatus Status, string Location, string? ArticleId, string? Title, int Passages, string? Error);
