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
        var previous = history[^1].Question;
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

        return QueryTerms.Extract(question).Count <= 3 && Pronoun().IsMatch(question);
    }

    [GeneratedRegex(@"^\s*(and|but|also|so|then|what about|how about|and what about)\b[\s,]*", RegexOptions.IgnoreCase)]
    private static partial Regex LeadingConnector();

    [GeneratedRegex(@"\b(it|its|they|them|their|this|that|these|those|he|she|him|her|there)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Pronoun();

    [GeneratedRegex(@"[\p{L}\p{N}][\p{L}\p{N}'\-]*")]
    private static partial Regex Words();
}
