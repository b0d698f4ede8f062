using System.Text.RegularExpressions;
using NewsBot.Core.Text;

namespace NewsBot.Answering.Questions;

/// <summary>
/// The names a question is about ("Formula One", "Elin Varga", "NATO"): capitalised words after the first. When the
/// store has never heard of any of them and no retrieved passage mentions them, the passages are about something
/// else, however similar their wording, and NewsBot says it found nothing about those names instead of quoting a
/// neighbouring story.
/// </summary>
public static partial class NamedSubjects
{
    // Capitalised words that do not name a subject: question words, function words, numbers, titles, time words.
    private static readonly IReadOnlySet<string> NotNames = Lexicon.NotNames;

    /// <summary>The names in a question, each with the words that identify it; names made only of common words are left out.</summary>
    public static IReadOnlyList<NamedSubject> In(string question) => Runs(question).Select(r => r.Name).ToArray();

    /// <summary>
    /// The names the question says it is about: after "about", "on", "regarding" or "concerning" ("an article about
    /// Oleg Fomenko", "articles on Retail Fuse"), or quoted ("the film \"Dance The Night\""). When the news knows
    /// nothing of such a name, no passage can answer the question, however close its wording.
    /// </summary>
    public static IReadOnlyList<NamedSubject> Focus(string question) =>
        Runs(question).Where(r => FocusLead().IsMatch(question[..r.Index])).Select(r => r.Name).ToArray();

    private static List<(int Index, NamedSubject Name)> Runs(string question)
    {
        var names = new List<(int, NamedSubject)>();
        foreach (Match run in Words.Names.Matches(question))
        {
            var words = Words.Of(run.Value).ToList();
            if (run.Index == FirstWordIndex(question) && !IsAcronym(words[0]))
            {
                words.RemoveAt(0); // The question's first word is capitalised anyway.
            }

            var identifying = words.Where(w => w.Length > 1 && !NotNames.Contains(w)).Select(w => w.ToLowerInvariant()).ToArray();
            if (identifying.Length > 0)
            {
                names.Add((run.Index, new NamedSubject(string.Join(' ', words), identifying)));
            }
        }

        return names;
    }

    /// <summary>True when the question names something and no passage mentions any word of any of its names.</summary>
    public static bool NoneMentioned(IReadOnlyList<NamedSubject> names, IEnumerable<string> passages)
    {
        if (names.Count == 0)
        {
            return false;
        }

        var present = passages.SelectMany(p => Words.Of(p.ToLowerInvariant())).ToHashSet(StringComparer.Ordinal);
        return !names.Any(name => name.Words.Any(present.Contains));
    }

    /// <summary>Whether a text contains every identifying word of the name.</summary>
    public static bool Mentions(string text, NamedSubject name)
    {
        var words = Words.Of(text.ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);
        return name.Words.All(words.Contains);
    }

    private static int FirstWordIndex(string question) => Words.Runs.Match(question) is { Success: true } first ? first.Index : -1;

    private static bool IsAcronym(string word) => word.Length > 1 && word.All(c => char.IsUpper(c) || char.IsDigit(c));


    // What comes just before a name the question is about.
    [GeneratedRegex(@"(?:\b(?:about|on|regarding|concerning)\s+(?:the\s+)?(?:(?:film|movie|book|show|series|song|album|game|company|firm|startup|app|brand|event)\s+)?[""“]?|[""“])$", RegexOptions.IgnoreCase)]
    private static partial Regex FocusLead();

}
