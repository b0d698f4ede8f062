using System.Text.RegularExpressions;
using NewsBot.Core.Text;

namespace NewsBot.Core.Search;

/// <summary>One clause of a question, as written and as its matchable terms (stemmed).</summary>
public sealed record QuestionPart(string Text, string[] Terms);

/// <summary>
/// The parts of a question that each describe one piece of evidence: "Which company, reported by TechCrunch to
/// have …, and by The Verge to have …?" has a part per clause. A clause with fewer than two terms joins the next; a
/// question with one clause is one part.
/// </summary>
public static partial class QuestionParts
{
    public static IReadOnlyList<QuestionPart> Of(string question)
    {
        var parts = new List<QuestionPart>();
        var text = "";
        var terms = new List<string>();
        foreach (var clause in Separators().Split(question))
        {
            text = text.Length == 0 ? clause.Trim() : $"{text} {clause.Trim()}";
            terms.AddRange(QueryTerms.Tokens(clause).Select(Stems.Of));
            if (terms.Distinct(StringComparer.Ordinal).Count() >= 2)
            {
                parts.Add(new QuestionPart(text, terms.Distinct(StringComparer.Ordinal).ToArray()));
                (text, terms) = ("", []);
            }
        }

        if (terms.Count > 0)
        {
            parts.Add(parts.Count == 0
                ? new QuestionPart(text, terms.Distinct(StringComparer.Ordinal).ToArray())
                : new QuestionPart($"{parts[^1].Text} {text}", parts[^1].Terms.Concat(terms).Distinct(StringComparer.Ordinal).ToArray()));
            if (parts.Count > 1 && parts[^1].Text.StartsWith(parts[^2].Text, StringComparison.Ordinal))
            {
                parts.RemoveAt(parts.Count - 2);
            }
        }

        return parts;
    }

    // Where one clause ends and the next begins: punctuation, and the words that join descriptions.
    [GeneratedRegex(@"[,;:?]|\b(?:and|while|whereas|but|also|as well as|after|before|then)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Separators();
}
