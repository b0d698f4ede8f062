using System.Text.RegularExpressions;

namespace NewsBot.Answering.Questions;

/// <summary>
/// Finds outlets a question attributes its facts to ("an article from Bloomberg", "a Reuters report") that the store
/// holds no articles from: NewsBot cannot say what an outlet reported without its articles, so it says so.
/// </summary>
public static partial class NamedOutlets
{
    private static readonly HashSet<string> NotOutlets = new(StringComparer.OrdinalIgnoreCase)
    {
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
        "December", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "This", "That", "Which",
    };

    public static IReadOnlyList<string> Unknown(string question, IReadOnlyCollection<string> knownSources)
    {
        var known = knownSources.Select(Normalize).ToArray();
        return Mentioned(question)
            .Where(name => !NotOutlets.Contains(name.Split(' ')[0]))
            .Where(name => !known.Any(k => k.StartsWith(Normalize(name), StringComparison.Ordinal) || Normalize(name).StartsWith(k, StringComparison.Ordinal)))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToArray();
    }

    // Words that open a question or a clause, capitalised only because they come first: "Did Le Monde's article …".
    private static readonly HashSet<string> Openers = new(StringComparer.Ordinal)
    {
        "Did", "Does", "Do", "Is", "Was", "Were", "Has", "Have", "What", "Which", "Who", "How", "When", "Where", "Why",
        "Considering", "According", "After", "Before", "Based", "In", "On", "From", "And", "But", "If", "Since", "While", "The",
    };

    private static IEnumerable<string> Mentioned(string question) =>
        OutletNamed().Matches(question).Select(m => WithoutOpeners(m.Groups["name"].Value.Trim())).Where(name => name.Length > 0);

    private static string WithoutOpeners(string name)
    {
        var words = name.Split(' ');
        var first = 0;
        while (first < words.Length - 1 && Openers.Contains(words[first]))
        {
            first++;
        }

        return string.Join(' ', words[first..]);
    }

    private static string Normalize(string name)
    {
        var lower = name.ToLowerInvariant().Trim();
        return lower.StartsWith("the ", StringComparison.Ordinal) ? lower[4..] : lower;
    }

    // One pattern, five ways a question names who reported (each alternative captures "name"):
    // "an article by The Guardian", "articles from TechCrunch and ...", "coverage in Wired" (not "reports from Gaza",
    // where a place follows); "What did Valley Courier report about …?", "What has the Daily Post written on …?" (not
    // "What did China say?", what a subject said); "a Bloomberg article", "the Reuters report" (not "the NATO story":
    // a story is named after what it is about, not who ran it); "The Wall Street Journal's first article", "Wired's
    // coverage" (an article or coverage belongs to who ran it; not "NATO's report", which an organisation publishes
    // itself); "an article on Forbes about …" (on a site, then what it is about; not "an article on NATO's summit").
    [GeneratedRegex(@"\b(?:articles?|piece|coverage) (?:by|from|in|published by) (?:[Tt]he )?(?<name>\p{Lu}[\w&.'’-]*(?: (?:of |and )?\p{Lu}[\w&.'’-]*){0,4})"
        + @"|^\s*[Ww]hat\s+(?:did|does|has|have)\s+(?:[Tt]he )?(?<name>\p{Lu}[\w&.'’-]*(?: (?:of )?\p{Lu}[\w&.'’-]*){0,4}) (?:report|reported|write|written|wrote|publish|published|run|ran)\b"
        + @"|\b(?:an?|the) (?<name>\p{Lu}[\w&.'’-]*(?: \p{Lu}[\w&.'’-]*){0,3}) (?:article|piece|report)\b"
        + @"|(?<!\w)(?<!\p{Lu}[\w&.'’-]* )(?:[Tt]he )?(?<name>\p{Lu}[\w&.-]*(?: \p{Lu}[\w&.-]*){0,4})['’]s (?:(?:first|second|third|last|latest|recent|earlier|later|new|other) )?(?:articles?|pieces?|coverage)\b"
        + @"|\b(?:articles?|pieces?) on (?:[Tt]he )?(?<name>\p{Lu}[\w&.'’-]*(?: \p{Lu}[\w&.'’-]*){0,3}) (?:about|regarding|concerning|detailing|discussing|covering)\b")]
    private static partial Regex OutletNamed();
}
