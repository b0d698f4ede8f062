using System.Text.RegularExpressions;
using NewsBot.Core.Answering;
using NewsBot.Core.Search;

namespace NewsBot.Answering.Questions;

/// <summary>
/// Without a language model: a question that reads as a follow-up (starts with "and", "what about", or leans on
/// "it", "they", "that" with few words of its own) carries the previous question's subject along.
/// </summary>
public sealed partial class FollowUpRewriter : IQuestionRewriter
{
    public Task<string> RewriteAsync(string question, IReadOnlyList<ConversationTurn> history, CancellationToken cancellationToken)
    {
        question = question.Trim();
        if (history.Count == 0 || !IsFollowUp(question))
        {
            return Task.FromResult(question);
        }

        var own = QueryTerms.Extract(question).ToHashSet(StringComparer.Ordinal);
        // The previous question's subject, not its framing ("Tell me about Jonas Vell" → "Jonas Vell").
        var previous = ExpectedAnswers.WithoutOpener(history[^1].Question);
        var subject = Words().Matches(previous)
            .Select(m => m.Value)
            .Where(w => QueryTerms.Extract(w).Count > 0 && !own.Contains(w.ToLowerInvariant()))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToArray();
        if (subject.Length == 0)
        {
            return Task.FromResult(question);
        }

        var trimmed = LeadingConnector().Replace(question, "").TrimEnd('?', ' ');
        var rewritten = $"{char.ToUpperInvariant(trimmed[0])}{trimmed[1..]} (about {string.Join(' ', subject)})?";
        return Task.FromResult(rewritten);
    }

    public static bool IsFollowUp(string question)
    {
        if (LeadingConnector().IsMatch(question))
        {
            return true;
        }

        // A question naming its own subject or outlet ("What did Northern Wire report this week?") stands on its own.
        if (NewsBot.Core.Text.Words.Capitalised.Matches(question).Any(m => m.Index > 0))
        {
            return false;
        }

        return QueryTerms.Extract(question).Count <= 3 && Pronoun().IsMatch(question);
    }

    [GeneratedRegex(@"^\s*(and|but|also|so|then|what about|how about|and what about)\b[\s,]*", RegexOptions.IgnoreCase)]
    private static partial Regex LeadingConnector();

    // "this" / "that" of a period ("this week") points at no earlier subject.
    [GeneratedRegex(@"\b(it|its|they|them|their|he|she|him|her|there)\b|\b(?:this|that|these|those)\b(?!\s+(?:week|month|year|morning|afternoon|evening|weekend|season|time)\b)", RegexOptions.IgnoreCase)]
    private static partial Regex Pronoun();

    [GeneratedRegex(@"[\p{L}\p{N}][\p{L}\p{N}'\-]*")]
    private static partial Regex Words();
}
