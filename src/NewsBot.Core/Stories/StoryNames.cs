using System.Text.RegularExpressions;
using NewsBot.Core.Articles;
using NewsBot.Core.Text;

namespace NewsBot.Core.Stories;

/// <summary>
/// The names an article leads with (capitalised words in its first sentences that do not merely start a sentence;
/// headlines are left out, as many capitalise every word), lower-cased: two reports of one event share at least one (a place, a person, an organisation).
/// </summary>
public static partial class StoryNames
{
    private const int LeadWords = 80;

    private static readonly IReadOnlySet<string> NotNames = Lexicon.NotNames;

    public static IReadOnlySet<string> Of(Article article)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        var lead = string.Join(' ', article.Body.Split((char[]?)null, LeadWords + 1, StringSplitOptions.RemoveEmptyEntries).Take(LeadWords));
        foreach (Match match in Capitalised().Matches(lead))
        {
            var word = match.Groups["word"].Value;
            var startsSentence = match.Index == 0 || SentenceEnd().IsMatch(lead[..match.Index]);
            if (word.Length > 1 && !startsSentence && !NotNames.Contains(word))
            {
                names.Add(word.ToLowerInvariant());
            }
        }

        return names;
    }

    public static string Join(IReadOnlySet<string> names) => string.Join(' ', names.Order(StringComparer.Ordinal));

    public static IReadOnlySet<string> Split(string? joined) =>
        (joined ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);

    [GeneratedRegex(@"(?<word>\p{Lu}[\p{L}\p{Nd}]*)")]
    private static partial Regex Capitalised();

    [GeneratedRegex(@"[.!?:""“]\s*$")]
    private static partial Regex SentenceEnd();
}
