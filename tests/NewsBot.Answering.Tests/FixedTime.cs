namespace NewsBot.Answering.Tests;

/// <summary>Today is 28 November 2026, the day after the newest sample article.</summary>
internal sealed class FixedTime : TimeProvider
{
    public static readonly DateTimeOffset Today = new(2026, 11, 28, 10, 0, 0, TimeSpan.Zero);

    public override DateTimeOffset GetUtcNow() => Today;
}
