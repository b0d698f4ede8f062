namespace NewsBot.Core.Storage;

/// <summary>Restricts a search to some outlets (any of them, case-insensitive) and a publication date range.</summary>
public sealed record SearchFilter
{
    public static SearchFilter None { get; } = new();

    public IReadOnlyList<string> Sources { get; init; } = [];

    /// <summary>Inclusive lower bound on the publication time.</summary>
    public DateTimeOffset? From { get; init; }

    /// <summary>Exclusive upper bound on the publication time.</summary>
    public DateTimeOffset? To { get; init; }

    public bool IsEmpty => Sources.Count == 0 && From is null && To is null;

    public bool Matches(string? source, DateTimeOffset? publishedAt)
    {
        if (Sources.Count > 0 && (source is null || !Sources.Contains(source, StringComparer.OrdinalIgnoreCase)))
        {
            return false;
        }

        if (From is not null && (publishedAt is null || publishedAt < From))
        {
            return false;
        }

        return To is null || (publishedAt is not null && publishedAt < To);
    }
}
