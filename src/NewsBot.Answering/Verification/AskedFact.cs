using NewsBot.Core.Text;
using System.Text.RegularExpressions;
using NewsBot.Answering.Retrieval;
using NewsBot.Answering.Questions;
using NewsBot.Core.Search;

namespace NewsBot.Answering.Verification;

/// <summary>
/// The kind of fact a question asks for, where its wording says so: "how many / how much" a figure, "when / what
/// year" a date, "who / which company" a name, "where" a place. An answer gives that fact only when one of its
/// sentences carries one (a number; a date; a name the question does not give) together with what the question asks
/// about beyond its subject ("people live" in "how many people live in Corvallo"): a sentence about Corvallo with
/// another figure in it does not answer the question.
/// </summary>
public static partial class AskedFact
{
    /// <summary>"how many people live in the town of Corvallo", for "None of the news I have says …".</summary>
    public static string Asked(string question)
    {
        var text = question.Trim().TrimEnd('?', '.', '!').Trim();
        return text.Length == 0 ? text : char.ToLowerInvariant(text[0]) + text[1..];
    }

    /// <summary>
    /// Whether any sentence of the draft gives the asked-for kind of fact about what the question asks. A sentence is
    /// read under the headlines of the passages it cites: "The epicentre was near Corvallo [1]" is about the earthquake
    /// its story's headline names.
    /// </summary>
    public static bool IsAnswered(string question, ExpectedAnswer kind, IEnumerable<string> sentences, IReadOnlyList<NewsPassage> passages)
    {
        if (kind is ExpectedAnswer.Any or ExpectedAnswer.Overview)
        {
            return true;
        }

        var focus = FocusTerms(question);
        var asked = NamesIn(question).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return sentences.Any(s => Carries(kind, s, asked) && Covers(Headlines(s, passages) + " " + s, focus));
    }

    private static string Headlines(string sentence, IReadOnlyList<NewsPassage> passages) =>
        string.Join(" ", CitationMarkers.Numbers(sentence)
            .Where(n => n >= 1 && n <= passages.Count).Distinct().Select(n => passages[n - 1].Title));

    /// <summary>The question's content words that are not names and not the wording of the question itself.</summary>
    private static string[] FocusTerms(string question)
    {
        var names = Words.Capitalised.Matches(question).Where(m => m.Index > 0).SelectMany(m => QueryTerms.Extract(m.Value)).ToHashSet(StringComparer.Ordinal);
        return QueryTerms.Extract(question).Where(t => !names.Contains(t) && !QuestionWords.Contains(t) && !char.IsDigit(t[0])).Select(Stem).Distinct().ToArray();
    }

    /// <summary>Two of the focus words (the one there is, when there is one).</summary>
    private static bool Covers(string sentence, string[] focus)
    {
        if (focus.Length == 0)
        {
            return true;
        }

        var present = QueryTerms.Extract(sentence).Select(Stem).ToHashSet(StringComparer.Ordinal);
        var needed = Math.Min(focus.Length, 2);
        return focus.Count(present.Contains) >= needed;
    }

    private static bool Carries(ExpectedAnswer kind, string sentence, HashSet<string> asked) => kind switch
    {
        ExpectedAnswer.Figure => Number().IsMatch(CitationMarkers.Strip(sentence)),
        ExpectedAnswer.Date => DateWord().IsMatch(CitationMarkers.Strip(sentence)),
        ExpectedAnswer.Name => CarriesName(sentence, asked),
        ExpectedAnswer.Place => CarriesName(sentence, asked) || Whereabouts().IsMatch(sentence),
        _ => true,
    };

    /// <summary>
    /// A name the question does not give itself, compared whole: "Varga" or "Elin Varga" answers "Who found Comet
    /// Varga?", although it shares a word with the comet's name; not a date, and not a word capitalised only as the
    /// sentence's first.
    /// </summary>
    private static bool CarriesName(string sentence, HashSet<string> asked) =>
        NamesIn(CitationMarkers.Strip(sentence)).Any(name => !asked.Contains(name) && !DateWord().IsMatch(name) && QueryTerms.Extract(name).Count > 0);

    /// <summary>The names in a text as written, whole ("Comet Varga"), without a possessive, and without the words capitalised only because they open it ("But", "Who").</summary>
    private static IEnumerable<string> NamesIn(string text) =>
        Words.Names.Matches(text)
            .Select(m => string.Join(' ', m.Value.Split(' ').SkipWhile(Lexicon.NotNames.Contains)))
            .Where(name => name.Length > 0)
            .Select(Bare);

    /// <summary>A name without its possessive: "Mariners'" and "Mariners's" are "Mariners".</summary>
    private static string Bare(string name)
    {
        var bare = name.TrimEnd('\'', '’');
        return bare.EndsWith("'s", StringComparison.Ordinal) || bare.EndsWith("’s", StringComparison.Ordinal) ? bare[..^2] : bare;
    }

    private static string Stem(string word) => Stems.Prefix(word, 5);

    private static readonly HashSet<string> QuestionWords = new(StringComparer.Ordinal)
    {
        "many", "much", "number", "year", "date", "day", "time", "long", "old", "far", "often", "percent", "percentage", "total",
        "during", "between", "after", "before", "over", "under", "against", "among", "since", "until",
    };

    [GeneratedRegex(@"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion|dozen|dozens|half|third|quarter|several|no)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Number();

    [GeneratedRegex(@"\b(?:(?:19|20)\d{2}|January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today|tomorrow|tonight|week|month|year|spring|summer|autumn|fall|winter|morning|evening|night|since|until|ago)\b", RegexOptions.IgnoreCase)]
    private static partial Regex DateWord();

    // Where something is, relative to a place: "near Corvallo", "30 kilometres north of the capital".
    [GeneratedRegex(@"\b(?:near|north|south|east|west|outside|inside|between|across|along|beside|opposite|kilometres|kilometers|miles)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Whereabouts();

}
