using System.Text.RegularExpressions;
using NewsBot.Core.Text;

namespace NewsBot.Core.Search;

/// <summary>The words of a question that are worth matching: lower case, no stop words or question filler, no repeats.</summary>
public static partial class QueryTerms
{
    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "a", "an", "and", "are", "as", "at", "be", "been", "being", "but", "by", "can", "could", "did", "do", "does",
        "for", "from", "had", "has", "have", "how", "i", "if", "in", "into", "is", "it", "its", "me", "of", "on",
        "or", "our", "should", "so", "than", "that", "the", "their", "them", "then", "there", "these", "they",
        "this", "those", "to", "was", "we", "were", "what", "when", "where", "which", "who", "whom", "whose", "why",
        "will", "with", "would", "you", "your", "about", "both", "same", "any", "according", "article", "articles",
        "report", "reported", "reports", "reporting", "mentioned", "mention", "published", "tell", "say", "said",
        "news", "latest", "s",
    };

    public static IReadOnlyList<string> Extract(string question) =>
        Tokens(question).Distinct(StringComparer.Ordinal).ToArray();

    /// <summary>Every matchable word of a text, repeats included, in order.</summary>
    public static IEnumerable<string> Tokens(string text) =>
        Words.Of(text.ToLowerInvariant())
            .Where(w => (w.Length > 1 || char.IsDigit(w[0])) && !StopWords.Contains(w));
}
