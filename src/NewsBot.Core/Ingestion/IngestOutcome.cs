using NewsBot.Core.Text;

namespace NewsBot.Core.Ingestion;

public enum IngestStatus
{
    New,
    Updated,
    Unchanged,
    Failed,
}

/// <summary>What happened to one input item. Its location and error never carry an address's user name or password.</summary>
public sealed record IngestOutcome(IngestStatus Status, string Location, string? ArticleId, string? Title, int Passages, string? Error)
{
    /// <summary>
    /// For <see cref="IngestStatus.Updated"/>: false when the title and text are the ones stored and only details
    /// changed (outlet, date, author, category, tags), as when a stored page is read again through its feed.
    /// </summary>
    public bool TextChanged { get; init; } = true;

    public string Location { get; init => field = Credentials.Hidden(value); } = Credentials.Hidden(Location);

    public string? Error { get; init => field = value is null ? null : Credentials.Hidden(value); } = Error is null ? null : Credentials.Hidden(Error);
}
