using System.Collections.Concurrent;
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
            .Where(Matchable);

    /// <summary>
    /// A text's matchable words, stemmed (<see cref="Stems.Of"/>), as a set: the same words as <see cref="Tokens"/>,
    /// read without making a string of each word a text repeats (a word seen before is looked up by its letters).
    /// </summary>
    public static HashSet<string> StemSet(string text)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        Span<char> lower = text.Length <= 4096 ? stackalloc char[text.Length] : new char[text.Length];
        text.AsSpan().ToLowerInvariant(lower);
        foreach (var run in Words.Runs.EnumerateMatches(lower))
        {
            if (StemOf(lower.Slice(run.Index, run.Length)) is { Length: > 0 } stem)
            {
                set.Add(stem);
            }
        }

        return set;
    }

    // Words already stemmed ("" for a word not matched), up to a bound; beyond it a new word is stemmed each time.
    private const int KnownWordsBound = 200_000;
    private static readonly ConcurrentDictionary<string, string> KnownWords = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> KnownWordsByLetters = KnownWords.GetAlternateLookup<ReadOnlySpan<char>>();

    private static string StemOf(ReadOnlySpan<char> word)
    {
        if (KnownWordsByLetters.TryGetValue(word, out var known))
        {
            return known;
        }

        var text = word.ToString();
        var stem = Matchable(text) ? Stems.Of(text) : "";
        if (KnownWords.Count < KnownWordsBound)
        {
            KnownWords.TryAdd(text, stem);
        }

        return stem;
    }

    private static bool Matchable(string word) => (word.Length > 1 || char.IsDigit(word[0])) && !StopWords.Contains(word);
}
