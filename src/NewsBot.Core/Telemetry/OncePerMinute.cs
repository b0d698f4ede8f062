namespace NewsBot.Core.Telemetry;

/// <summary>Lets a repeated warning through at most once a minute: a fault every turn meets costs a line a minute, not a line a turn.</summary>
public sealed class OncePerMinute(TimeProvider time)
{
    private long _lastTicks = long.MinValue / 2;

    /// <summary>True for the first call of each minute, across threads.</summary>
    public bool Take()
    {
        var now = time.GetUtcNow().UtcTicks;
        var last = Interlocked.Read(ref _lastTicks);
        return now - last >= TimeSpan.TicksPerMinute && Interlocked.CompareExchange(ref _lastTicks, now, last) == last;
    }
}
