namespace NewsBot.Hosting;

/// <summary>One reading of the configured feeds: when, what it stored, what failed, and when the next one is due.</summary>
public sealed record FeedRefresh(DateTimeOffset At, DateTimeOffset Next, int New, int Updated, int Unchanged, IReadOnlyList<string> Errors);

/// <summary>The last feed reading, for <c>/healthz</c>.</summary>
public sealed class FeedStatus
{
    private FeedRefresh? _last;

    public FeedRefresh? Last => Volatile.Read(ref _last);

    public void Record(FeedRefresh refresh) => Volatile.Write(ref _last, refresh);
}
