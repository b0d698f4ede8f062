namespace NewsBot.Core.Answering;

/// <summary>
/// What NewsBot says back: text with [n] markers, the citations those markers point to, and whether it declined.
/// Every answerer returns this shape, so every channel renders answers the same way.
/// </summary>
/// <param name="Text">The answer, with [n] markers that all resolve to <see cref="Citations"/>.</param>
/// <param name="Question">The question as answered: a follow-up rewritten to stand on its own.</param>
/// <param name="Note">A short remark for the user, e.g. that the language model was unavailable.</param>
/// <param name="AsOf">Publication date of the newest cited article.</param>
public sealed record Answer(
    string Text,
    IReadOnlyList<Citation> Citations,
    bool Declined,
    string Question,
    string? Note = null,
    DateTimeOffset? AsOf = null)
{
    /// <summary>Questions this answer suggests asking next (e.g. the latest from each outlet listed); channels may offer them as buttons.</summary>
    public IReadOnlyList<string> FollowUps { get; init; } = [];

    /// <summary>Sentences of the draft checked against the passages they cite, and how many of them were dropped as unsupported.</summary>
    public SupportTally Support { get; init; } = SupportTally.None;
}

/// <summary>How many drafted sentences were checked against their sources, and how many were dropped.</summary>
public sealed record SupportTally(int Checked, int Dropped)
{
    public static SupportTally None { get; } = new(0, 0);
}
