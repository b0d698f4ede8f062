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
    double Score);
