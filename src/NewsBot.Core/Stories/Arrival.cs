namespace NewsBot.Core.Stories;

/// <summary>An article that arrived in the store, new or updated in place, numbered in the order it arrived.</summary>
public sealed record Arrival(long Sequence, string ArticleId, string Title, string? Source, DateTimeOffset? PublishedAt, string? Url, bool Updated, DateTimeOffset RecordedAt);
