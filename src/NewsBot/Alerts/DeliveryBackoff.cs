using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace NewsBot.Alerts;

/// <summary>
/// Per conversation, what failed sends cost: after a failure the next try waits one poll, then twice as long each
/// time up to <see cref="AlertOptions.RetryMaxMinutes"/>; after <see cref="AlertOptions.GiveUpAfterHours"/> of
/// failures the conversation is given up (its subscriptions removed). A failure is logged at warning the first time
/// for a conversation, and at most <see cref="WarningsPerMinute"/> such lines a minute over all conversations.
/// </summary>
public sealed class DeliveryBackoff(IOptions<AlertOptions> options, TimeProvider time)
{
    public const int WarningsPerMinute = 10;

    private readonly ConcurrentDictionary<string, Failing> _failing = new(StringComparer.Ordinal);
    private readonly Lock _budgetLock = new();
    private DateTimeOffset _budgetMinute;
    private int _budgetUsed;

    /// <summary>Whether a send to this conversation should wait: it failed and its next try is not due yet.</summary>
    public bool IsWaiting(string conversation) =>
        _failing.TryGetValue(conversation, out var failing) && time.GetUtcNow() < failing.NextTry;

    public void Succeeded(string conversation) => _failing.TryRemove(conversation, out _);

    /// <summary>Records a failed send: when to try next, whether to log it at warning, and whether to give up now.</summary>
    public FailureVerdict Failed(string conversation)
    {
        var now = time.GetUtcNow();
        var settings = options.Value;
        var failing = _failing.AddOrUpdate(conversation, _ => new Failing(now, 1, now), (_, f) => f with { Count = f.Count + 1 });
        if (now - failing.Since >= TimeSpan.FromHours(settings.GiveUpAfterHours))
        {
            _failing.TryRemove(conversation, out _);
            return new FailureVerdict(GiveUp: true, Warn: false, failing.Count, now - failing.Since);
        }

        var wait = TimeSpan.FromSeconds(settings.PollSeconds * Math.Pow(2, Math.Min(failing.Count - 1, 20)));
        var max = TimeSpan.FromMinutes(settings.RetryMaxMinutes);
        _failing[conversation] = failing with { NextTry = now + (wait < max ? wait : max) };
        return new FailureVerdict(GiveUp: false, Warn: failing.Count == 1 && TakeWarning(now), failing.Count, now - failing.Since);
    }

    private bool TakeWarning(DateTimeOffset now)
    {
        lock (_budgetLock)
        {
            if (now - _budgetMinute >= TimeSpan.FromMinutes(1))
            {
                (_budgetMinute, _budgetUsed) = (now, 0);
            }

            return ++_budgetUsed <= WarningsPerMinute;
        }
    }

    private sealed record Failing(DateTimeOffset Since, int Count, DateTimeOffset NextTry);
}

/// <param name="GiveUp">The conversation has failed for too long: unsubscribe it.</param>
/// <param name="Warn">Log this failure at warning (the first for the conversation, within the minute's budget).</param>
public sealed record FailureVerdict(bool GiveUp, bool Warn, int Failures, TimeSpan FailingFor);
