namespace NewsBot.Answering.Questions;

/// <summary>When the news asked about was published, as the question says it, and whether the newest news matters most.</summary>
/// <param name="Period">How the period reads to a user, e.g. "yesterday" or "October 2026".</param>
/// <param name="Relative">
/// True for periods counted from today ("yesterday", "last week"), which are about when news was published. A named
/// month or year ("in 2021") may instead be when the reported events happened, so it only narrows the search when
/// news from that period answers the question.
/// </param>
public sealed record TimeFrame(DateTimeOffset? From, DateTimeOffset? To, string? Period, bool WantsLatest, bool Relative = true)
{
    public static TimeFrame None { get; } = new(null, null, null, false);

    public TimeFrame WithoutPeriod => this with { From = null, To = null, Period = null };
}
