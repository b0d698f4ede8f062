using System.Text.RegularExpressions;
using NewsBot.Answering.Questions;
using NewsBot.Answering.Retrieval;
using NewsBot.Core.Text;

namespace NewsBot.Answering.Extractive;

/// <summary>
/// For a question that asks who, or which company or body: the name the retrieved reports mention most (mentions in
/// better-ranked passages count more), when the quoted sentences mention it too, in its fullest form ("Sam
/// Bankman-Fried" where a quote says "Bankman-Fried"). Names the question itself gives, outlets, months and days do
/// not count. Measured on the MultiHop-RAG dev split: for 3 in 4 such questions the name is the gold answer.
/// </summary>
public static partial class MostNamed
{
    public const string Prefix = "Named in these reports:";

    private const int MaxCitations = 3;

    private static readonly IReadOnlySet<string> NotNames = Lexicon.NotNames;

    // Titles and roles before a name are not part of it: "Mayor Elin Varga" is named as "Elin Varga".
    private static readonly HashSet<string> Titles = new(Lexicon.Honorifics, StringComparer.OrdinalIgnoreCase)
    {
        "mayor", "deputy", "president", "vice", "prime", "minister", "councillor", "senator", "sen", "governor",
        "gov", "chancellor", "king", "queen", "prince", "princess", "judge", "justice", "coach", "captain", "chief",
        "executive", "director", "secretary", "general", "professor", "prof", "sir", "lord", "lady", "pope", "rep",
        "former", "founder", "chairman", "chairwoman", "chair", "doctor", "striker", "defender", "midfielder", "goalkeeper", "forward", "manager", "spokesperson", "spokesman",
        "spokeswoman", "researcher", "lead", "senior", "head", "economist", "analyst", "librarian", "editor", "officer",
        "commander", "councilwoman", "councilman", "ambassador", "inspector", "detective", "sergeant", "lieutenant",
    };

    /// <summary>"Named in these reports: **Sam Bankman-Fried** [1, 3]." with markers into the passages naming it in full, or null.</summary>
    /// <param name="role">Whom the question asks for: for a person, only a name shaped like one leads (<see cref="LooksLikePerson"/>).</param>
    public static string? Lead(string question, string draft, IReadOnlyList<NewsPassage> passages, NameRole role = NameRole.Any)
    {
        var asked = Words(question);
        var outlets = passages.Select(p => p.Source).OfType<string>().SelectMany(Words).ToHashSet(StringComparer.Ordinal);
        var scores = new Dictionary<string, double>(StringComparer.Ordinal);
        var fullest = new Dictionary<string, string>(StringComparer.Ordinal);
        var forms = new Dictionary<string, double>(StringComparer.Ordinal);
        for (var i = 0; i < passages.Count; i++)
        {
            foreach (var name in Names(passages[i].Title + ". " + passages[i].Body))
            {
                var words = Words(name);
                var key = name.Split(' ')[^1].ToLowerInvariant();
                if (words.All(asked.Contains) || words.All(outlets.Contains) || key.Length < 3 || NotNames.Contains(key)
                    || (role == NameRole.Person && !LooksLikePerson(name)))
                {
                    continue;
                }

                var weight = 1 / (1 + (0.3 * i));
                scores[key] = scores.GetValueOrDefault(key) + weight;
                forms[name] = forms.GetValueOrDefault(name) + weight;
                if (Fuller(name, fullest.GetValueOrDefault(key), forms))
                {
                    fullest[key] = name;
                }
            }
        }

        if (scores.Count == 0)
        {
            return null;
        }

        // The most named; of names named as often, one the quotes give.
        // The quotes support a name only where they give it, not where they give the question's own name sharing a
        // word with it ("Comet Varga" does not quote "Elin Varga").
        draft = NewsBot.Core.Text.Words.Names.Replace(draft, m => Words(m.Value).All(asked.Contains) ? " " : m.Value);
        var (top, _) = scores.OrderByDescending(s => s.Value).ThenByDescending(s => IsQuoted(fullest[s.Key], draft)).First();
        var named = fullest[top];
        if (!IsQuoted(named, draft))
        {
            return null; // Not in what is quoted, as a name: too weak a lead to put first.
        }

        var citing = Enumerable.Range(0, passages.Count).Where(i => passages[i].Text.Contains(named, StringComparison.Ordinal)).Take(MaxCitations).Select(i => i + 1).ToArray();
        return citing.Length == 0 ? null : $"{Prefix} **{named}** [{string.Join(", ", citing)}].";
    }

    /// <summary>
    /// Whether <paramref name="name"/> should stand for its surname rather than <paramref name="current"/>: a full name
    /// (two words or more) over a surname alone, then the form the passages name most ("Sam Bankman-Fried" over a
    /// relative named once, "Gabe Bankman-Fried"), then the longer.
    /// </summary>
    private static bool Fuller(string name, string? current, Dictionary<string, double> forms)
    {
        if (current is null)
        {
            return true;
        }

        var (full, currentFull) = (name.Contains(' ', StringComparison.Ordinal), current.Contains(' ', StringComparison.Ordinal));
        if (full != currentFull)
        {
            return full;
        }

        var (named, currentNamed) = (forms.GetValueOrDefault(name), forms.GetValueOrDefault(current));
        return named != currentNamed ? named > currentNamed : name.Length > current.Length;
    }

    /// <summary>
    /// A person's name as news writes it: two to four words, none an acronym ("NATO", "FTX"), none a word that names a
    /// place or a body ("Harbour City", "Eastport Rovers", "Civic Ledger"), and not opening with a verb form
    /// ("Considering Swift"). A single word ("Eastport") is not enough to tell.
    /// </summary>
    internal static bool LooksLikePerson(string name)
    {
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length is >= 2 and <= 4
            && !words.Any(w => w.Length > 1 && w.All(c => !char.IsLetter(c) || char.IsUpper(c)))
            && !words.Any(Lexicon.NotPeople.Contains)
            && !VerbForm().IsMatch(words[0]);
    }

    [GeneratedRegex(@"^\p{L}+(?:ing|ed)$")]
    private static partial Regex VerbForm();

    private static bool IsQuoted(string name, string draft) =>
        Regex.IsMatch(draft, $@"(?<![\p{{L}}\p{{N}}]){Regex.Escape(name.Split(' ')[^1])}(?![\p{{L}}\p{{N}}])");

    private static IEnumerable<string> Names(string text)
    {
        foreach (Match run in NewsBot.Core.Text.Words.Names.Matches(text))
        {
            // A verb form opening a sentence is capitalised only for that ("Loading Google …", "Considering Swift …").
            var before = text.AsSpan(0, run.Index).TrimEnd(' ');
            var opensSentence = before.IsEmpty || ".!?\n\"“:".Contains(before[^1], StringComparison.Ordinal);
            var words = Possessive().Replace(run.Value.Trim('.', '’', '\''), "").Split(' ')
                .SkipWhile((w, i) => NotNames.Contains(w) || Titles.Contains(w) || (i == 0 && opensSentence && VerbForm().IsMatch(w))).ToArray();
            if (words.Length > 0)
            {
                yield return string.Join(' ', words);
            }
        }
    }

    private static HashSet<string> Words(string text) =>
        WordPattern().Matches(text.ToLowerInvariant()).Select(m => m.Value).ToHashSet(StringComparer.Ordinal);

    // Capitalised words in a row, allowing "of", "de", "van", "von" inside ("Bank of England").
    // A full stop belongs to a name only inside it ("U.S"), never at a sentence end.
    [GeneratedRegex(@"['’]s$")]
    private static partial Regex Possessive();

    [GeneratedRegex(@"[\p{L}\p{N}-]+")]
    private static partial Regex WordPattern();
}
