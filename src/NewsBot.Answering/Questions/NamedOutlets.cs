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

    private static IEnumerable<string> Mentioned(string question) =>
        OutletNamed().Matches(question).Select(m => m.Groups["name"].Value.Trim());

    private static string Normalize(string name)
    {
        var lower = name.ToLowerInvariant().Trim();
        return lower.StartsWith("the ", StringComparison.Ordinal) ? lower[4..] : lower;
    }

    // One pattern, three ways a question names who reported (each alternative captures "name"):
    // "an article by The Guardian", "articles from TechCrunch and ...", "coverage in Wired" (not "reports from Gaza",
    // where a place follows); "What did Valley Courier report about …?", "What has the Daily Post written on …?" (not
    // "What did China say?", what a subject said); "a Bloomberg article", "the Reuters report" (not "the NATO story":
    // a story is named after what it is about, not who ran it).
    [GeneratedRegex(@"\b(?:articles?|piece|coverage) (?:by|from|in|published by) (?:[Tt]he )?(?<name>\p{Lu}[\w&.'’-]*(?: (?:of |and )?\p{Lu}[\w&.'’-]*){0,4})"
        + @"|^\s*[Ww]hat\s+(?:did|does|has|have)\s+(?:[Tt]he )?(?<name>\p{Lu}[\w&.'’-]*(?: (?:of )?\p{Lu}[\w&.'’-]*){0,4}) (?:report|reported|write|written|wrote|publish|published|run|ran)\b"
        + @"|\b(?:an?|the) (?<name>\p{Lu}[\w&.'’-]*(?: \p{Lu}[\w&.'’-]*){0,3}) (?:article|piece|report)\b")]
    private static partial Regex OutletNamed();
}
