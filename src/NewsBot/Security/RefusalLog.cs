using System.Collections.Concurrent;
using System.Net;

namespace NewsBot.Security;

/// <summary>
/// Refused requests are logged at most once per client address and status a minute; the next line says how many
/// more were refused meanwhile. A flood of bad requests costs a few log lines, not one each.
/// </summary>
public sealed class RefusalLog(TimeProvider time, ILogger<RefusalLog> logger)
{
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);
    private const int MaxClientsTracked = 10_000;

    private readonly ConcurrentDictionary<(string Client, int Status), Window> _windows = new();

    public void Refused(IPAddress? remote, int status, string reason)
    {
        var now = time.GetUtcNow();
        var key = (remote?.ToString() ?? "in-process", status);
        if (_windows.Count > MaxClientsTracked)
        {
            _windows.Clear();
        }

        var logged = false;
        var suppressed = 0;
        _windows.AddOrUpdate(key, _ => { logged = true; return new Window(now, 0); }, (_, w) =>
        {
            if (now - w.Start < Interval)
            {
                logged = false;
                return w with { Suppressed = w.Suppressed + 1 };
            }

            (logged, suppressed) = (true, w.Suppressed);
            return new Window(now, 0);
        });

        if (logged)
        {
            logger.LogWarning("Refused a request to /api/messages from {Remote}: {Status} {Reason}{More}", key.Item1, status, reason,
                suppressed > 0 ? $" ({suppressed} more like it were refused in the last minute without a line each)" : "");
        }
    }

    private sealed record Window(DateTimeOffset Start, int Suppressed);
}
