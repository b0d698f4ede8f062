using System.Text.RegularExpressions;
using NewsBot.Answering.Questions;
using NewsBot.Core.Search;

namespace NewsBot.Answering.Verification;

/// <summary>
/// The kind of fact a question asks for, where its wording says so: "how many / how much" a figure, "when / what
/// year" a date. An answer gives that fact only when one of its sentences carries one (a number; a date) together
/// with what the question asks about beyond its subject ("people live" in "how many people live in Corvallo"): a
/// sentence about Corvallo with another figure in it does not answer the question.
/// </summary>
public static partial class AskedFact
{
    /// <summary>"how many people live in the town of Corvallo", for "None of the news I have says …".</summary>
    public static string Asked(string question)
    {
        var text = question.Trim().TrimEnd('?', '.', '!').Trim();
        return text.Length == 0 ? text : char.ToLowerInvariant(text[0]) + text[1..];
    }

    /// <summary>Whether any sentence of the draft gives the asked-for kind of fact about what the question asks.</summary>
    /// <param name="subjects">Words that name the question's subject (capitalised names): present anyway, so not evidence.</param>
    public static bool IsAnswered(string question, ExpectedAnswer kind, IEnumerable<string> sentences)
    {
        if (kind is not (ExpectedAnswer.Figure or ExpectedAnswer.Date))
        {
            return true;
        }

        var focus = FocusTerms(question);
        return sentences.Any(s => Carries(kind, s) && Covers(s, focus));
    }

    /// <summary>The question's content words that are not names and not the wording of the question itself.</summary>
    private static string[] FocusTerms(string question)
    {
        var names = Name().Matches(question).Where(m => m.Index > 0).Select(m => m.Value.ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);
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

    private static bool Carries(ExpectedAnswer kind, string sentence) => kind switch
    {
        ExpectedAnswer.Figure => Number().IsMatch(Marker().Replace(sentence, " ")),
        ExpectedAnswer.Date => DateWord().IsMatch(Marker().Replace(sentence, " ")),
        _ => true,
    };

    private static string Stem(string word) => word.Length <= 5 ? word : word[..5];

    private static readonly HashSet<string> QuestionWords = new(StringComparer.Ordinal)
    {
        "many", "much", "number", "year", "date", "day", "time", "long", "old", "far", "often", "percent", "percentage", "total",
        "during", "between", "after", "before", "over", "under", "against", "among", "since", "until",
    };

    [GeneratedRegex(@"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion|dozen|dozens|half|third|quarter|several|no)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Number();

    [GeneratedRegex(@"\b(?:(?:19|20)\d{2}|January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today|tomorrow|tonight|week|month|year|spring|summer|autumn|fall|winter|morning|evening|night|since|until|ago)\b", RegexOptions.IgnoreCase)]
    private static partial Regex DateWord();

    [GeneratedRegex(@"\[\d+\]")]
    private static partial Regex Marker();

    [GeneratedRegex(@"\b\p{Lu}[\p{L}\p{N}'’\-]+")]
    private static partial Regex Name();
}
