using NewsBot.Core.Text;
using System.Text.RegularExpressions;
using NewsBot.Answering.Retrieval;
using NewsBot.Core.Chunking;
using NewsBot.Core.Search;

namespace NewsBot.Answering.Verification;

/// <summary>
/// Keeps the sentences of a draft that their citations support, drops the rest. A sentence citing passages [n]
/// (retrieval order) is supported when every figure it states and every name it gives appear in the cited passages
/// (headline, outlet and date included), and at least <see cref="MinOverlap"/> of its content words do. A sentence
/// without a marker is kept only when it states no figure and no name (a connective such as "Reports differ."). The
/// check is lexical on purpose: it cannot be talked round, and it costs microseconds.
/// </summary>
public static partial class SupportCheck
{
    /// <summary>Share of a sentence's content words (prefix-matched, for inflections) that must occur in its sources.</summary>
    public const double MinOverlap = 0.5;

    public sealed record Result(string Text, int Kept, int Dropped, IReadOnlyList<string> DroppedSentences)
    {
        /// <summary>Sentences checked: those kept (with or without a marker) and those dropped.</summary>
        public int Checked { get; init; }
    }

    public static Result Keep(string draft, IReadOnlyList<NewsPassage> passages, string question = "")
    {
        var kept = new List<string>();
        var dropped = new List<string>();
        var lines = new List<string>();
        foreach (var line in draft.Trim().Split('\n'))
        {
            var keptInLine = new List<string>();
            foreach (var sentence in SentenceSplitter.Split(line))
            {
                (IsSupported(sentence, passages, question) ? keptInLine : dropped).Add(sentence);
            }

            kept.AddRange(keptInLine);
            if (keptInLine.Count > 0)
            {
                lines.Add((line.StartsWith("- ", StringComparison.Ordinal) && !keptInLine[0].StartsWith("- ", StringComparison.Ordinal) ? "- " : "") + string.Join(" ", keptInLine));
            }
        }

        // Nothing dropped: the draft as written. Otherwise its supported sentences, line by line (lists, the sides of
        // a comparison keep their shape).
        var text = dropped.Count == 0 ? draft.Trim() : string.Join("\n", lines).Trim();
        return new Result(text, kept.Count(HasMarker), dropped.Count, dropped) { Checked = kept.Count + dropped.Count };
    }

    /// <summary>
    /// A draft NewsBot laid out itself: a line with markers must quote a passage it cites word for word (after its
    /// "- outlet, date: " label), or pass the ordinary check sentence by sentence; a line without one is NewsBot's
    /// own wording from stored metadata (a heading, the story's summary, a verdict from dates) and is kept.
    /// </summary>
    public static Result KeepQuoted(string draft, IReadOnlyList<NewsPassage> passages, string question = "")
    {
        var kept = new List<string>();
        var dropped = new List<string>();
        foreach (var line in draft.Trim().Split('\n'))
        {
            var supported = !CitationMarkers.Has(line) || Quotes(line, passages)
                || SentenceSplitter.Split(Unlabelled(line)).All(s => IsSupported(s, passages, question));
            (supported ? kept : dropped).Add(line);
        }

        return new Result(string.Join('\n', kept), kept.Count(HasMarker), dropped.Count, dropped) { Checked = kept.Count + dropped.Count };
    }

    private static string Unlabelled(string line)
    {
        var label = line.StartsWith("- ", StringComparison.Ordinal) ? line.IndexOf(": ", StringComparison.Ordinal) : -1;
        return label < 0 ? line : line[(label + 2)..];
    }

    private static bool Quotes(string line, IReadOnlyList<NewsPassage> passages)
    {
        var quote = Squeezed(CitationMarkers.Strip(Unlabelled(line)));
        return CitationMarkers.Numbers(line).Where(n => n >= 1 && n <= passages.Count)
            .Any(n => Squeezed(passages[n - 1].Text).Contains(quote, StringComparison.Ordinal));
    }

    private static string Squeezed(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    public static bool IsSupported(string sentence, IReadOnlyList<NewsPassage> passages, string question = "")
    {
        var cited = CitationMarkers.Pattern.Matches(sentence).SelectMany(m => m.Groups["list"].Value.Split(',', StringSplitOptions.TrimEntries))
            .Select(t => int.TryParse(t, out var n) ? n : 0).Where(n => n >= 1 && n <= passages.Count).Distinct().ToArray();
        var claim = CitationMarkers.Strip(sentence);
        var figures = Figures(claim);
        var names = Names(claim);
        if (cited.Length == 0)
        {
            return figures.Count == 0 && names.All(n => Contains(question, n));
        }

        var source = string.Join("\n", cited.Select(n => passages[n - 1].Text));
        var sourceFigures = Figures(source);
        if (!figures.All(sourceFigures.Contains) || !names.All(n => NameIn(source, n)))
        {
            return false;
        }

        var words = QueryTerms.Extract(claim).Where(w => !char.IsDigit(w[0])).ToArray();
        if (words.Length == 0)
        {
            return true;
        }

        var sourceWords = QueryTerms.Extract(source).Select(Stem).ToHashSet(StringComparer.Ordinal);
        return (double)words.Count(w => sourceWords.Contains(Stem(w))) / words.Length >= MinOverlap;
    }

    /// <summary>The draft's sentences, line by line, each with the markers that close it; abbreviations ("U.S.", "Oct.") do not end one.</summary>
    public static IEnumerable<string> Sentences(string draft) =>
        draft.Trim().Split('\n').SelectMany(SentenceSplitter.Split).Select(s => s.Trim()).Where(s => s.Length > 0);

    private static bool HasMarker(string sentence) => CitationMarkers.Has(sentence);

    /// <summary>Numbers as written without separators and leading zeros: "1,450" and "1450" are one figure, "03" is "3".</summary>
    private static HashSet<string> Figures(string text) => NewsBot.Core.Text.Figures.InDigits(text);

    /// <summary>Capitalised words that do not start the sentence: names of people, places, organisations.</summary>
    private static IReadOnlyList<string> Names(string sentence) =>
        Words.Capitalised.Matches(sentence).Where(m => m.Index > 0 && !SentenceStart(sentence, m.Index)).Select(m => Possessive().Replace(m.Value, ""))
            .Where(w => !NotNames.Contains(w)).Distinct(StringComparer.Ordinal).ToArray();

    private static bool SentenceStart(string text, int index)
    {
        var before = text[..index].TrimEnd();
        return before.Length == 0 || before[^1] is '.' or '!' or '?' or ':' or '"' or '“' or '—' or '-' or '(';
    }

    /// <summary>
    /// The name, or a word starting as it does (its first four letters, or all but its last three): "Asian" is backed
    /// by "Asia", "Chinese" by "China"; an invented name is not.
    /// </summary>
    private static bool NameIn(string text, string name) =>
        Contains(text, name) || Regex.IsMatch(text, @"\b" + Regex.Escape(name[..Math.Min(name.Length, Math.Max(4, name.Length - 3))]), RegexOptions.IgnoreCase);

    private static bool Contains(string text, string word) => text.Contains(word, StringComparison.OrdinalIgnoreCase);

    /// <summary>A crude stem: the first six letters, so "reported" meets "reports" and "injuries" meets "injured".</summary>
    private static string Stem(string word) => Stems.Prefix(word, 6);

    private static readonly IReadOnlySet<string> NotNames = Lexicon.NotNames;


    [GeneratedRegex(@"['’]s$")]
    private static partial Regex Possessive();


}
