using System.Runtime;

namespace NewsBot.Core.Runtime;

/// <summary>
/// Runs a round of work again and again, with a short pause between rounds, until a round no longer makes the runtime
/// compile code (what the work runs has reached its optimised form), <see cref="MaxRounds"/> have run or the time
/// allowed has passed. What serves questions warms up this way before its first real one: without it the first
/// questions share the cores with that compilation, and run slower code while they do.
/// </summary>
public static class WarmUpRounds
{
    public const int MaxRounds = 40;

    // The runtime starts counting a method's calls for its optimised form after a short quiet spell: a pause between rounds.
    private static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(200);

    // A round that compiles fewer methods than this has settled.
    private const int SettledBelow = 10;

    /// <summary>The rounds run.</summary>
    public static async Task<int> RunAsync(Func<CancellationToken, Task> round, TimeSpan allowed, CancellationToken cancellationToken)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var compiled = JitInfo.GetCompiledMethodCount();
        var rounds = 0;
        while (rounds < MaxRounds && clock.Elapsed < allowed)
        {
            rounds++;
            await round(cancellationToken);
            await Task.Delay(Pause, cancellationToken);
            var now = JitInfo.GetCompiledMethodCount();
            (var fresh, compiled) = (now - compiled, now);
            if (fresh < SettledBelow)
            {
                break;
            }
        }

        return rounds;
    }
}
