namespace NewsBot.Answering.Questions;

/// <summary>What a question asks for beyond its words: a publication period, and whether the newest news matters most.</summary>
/// <param name="Period">How the period reads to a user, e.g. "yesterday" or "October 2026".</param>
public sealed record QuestionIntent(DateTimeOffset? From, DateTimeOffset? To, string? Period, bool WantsLatest)
{
    public static QuestionIntent None { get; } = new(null, null, null, false);
}
