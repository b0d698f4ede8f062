using NewsBot.Core.Storage;
using NewsBot.Core.Text;

namespace NewsBot.Core.Search;

/// <summary>
/// The names a question's first results share that the question itself does not name: a question that describes
/// its answer ("Which company, reported by TechCrunch to have … and by The Verge to have …?") finds it in every
/// piece of evidence, so a name in the first passages of two outlets' lanes (or, without lanes, of two articles) is
/// likely the answer that ties them together.
/// </summary>
public static partial class BridgeNames
{
    // The first passages of each lane read for names.
    private const int LeadingPassages = 3;

    // At most this many names are searched for.
    private const int MostNames = 2;

    public static IReadOnlyList<string> Of(string question, IReadOnlyList<IReadOnlyList<PassageHit>> lanes, IReadOnlyList<string> outlets)
    {
        // Only a question asking for a name has one to find ("Which company …?", "Who …?"; not "Did … report …?").
        if (!AsksForName().IsMatch(question))
        {
            return [];
        }

        // Where each name is found: in which lane, or (one lane) in which article.
        var groups = lanes.Count > 1
            ? lanes.Select((lane, i) => lane.Take(LeadingPassages).Select(h => (Group: i.ToString(System.Globalization.CultureInfo.InvariantCulture), h.Text)))
            : lanes.Select(lane => lane.Take(LeadingPassages * 2).Select(h => (Group: h.ArticleId, h.Text)));
        var named = question.ToLowerInvariant();
        var excluded = outlets.SelectMany(o => QueryTerms.Tokens(o)).ToHashSet(StringComparer.Ordinal);
        return groups.SelectMany(g => g)
            .SelectMany(h => Words.Names.Matches(h.Text).Select(m => (h.Group, Name: Words.WithoutPossessive(WithoutOpening(h.Text, m)))))
            .Where(n => n.Name.Length > 2 && !named.Contains(n.Name.ToLowerInvariant(), StringComparison.Ordinal)
                && QueryTerms.Tokens(n.Name).ToArray() is { Length: > 0 } tokens && !tokens.Any(excluded.Contains))
            .GroupBy(n => n.Name, StringComparer.Ordinal)
            .Select(g => (Name: g.Key, Groups: g.Select(n => n.Group).Distinct(StringComparer.Ordinal).Count(), Mentions: g.Count()))
            .Where(n => n.Groups >= 2)
            .OrderByDescending(n => n.Groups).ThenByDescending(n => n.Mentions).ThenBy(n => n.Name, StringComparer.Ordinal)
            .Take(MostNames)
            .Select(n => n.Name)
            .ToArray();
    }

    // At the start of a sentence a capital says nothing: a single word there is dropped, and a run that opens with a
    // common word loses it ("Then Ines Okafor" is "Ines Okafor"; "Ines Okafor said" stays whole).
    private static string WithoutOpening(string text, System.Text.RegularExpressions.Match name)
    {
        if (!StartsSentence(text, name.Index))
        {
            return name.Value;
        }

        var space = name.Value.IndexOf(' ', StringComparison.Ordinal);
        if (space < 0)
        {
            return "";
        }

        var first = name.Value[..space];
        return !QueryTerms.Tokens(first).Any() || Openers.Contains(first) ? name.Value[(space + 1)..] : name.Value;
    }

    private static readonly HashSet<string> Openers = new(StringComparer.OrdinalIgnoreCase)
    {
        "after", "also", "although", "before", "despite", "earlier", "however", "instead", "last", "later", "meanwhile",
        "now", "since", "still", "then", "today", "while", "yesterday", "yet",
    };

    private static bool StartsSentence(string text, int index)
    {
        var before = text.AsSpan(0, index).TrimEnd(" \"“‘(".AsSpan());
        return before.IsEmpty || before[^1] is '.' or '?' or '!' or ':' or '\n' or '/' or '—';
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^\W*(?:which|who|whom|whose|what)\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex AsksForName();
}
