using System.Text.RegularExpressions;
using NewsBot.Answering.Extractive;
using NewsBot.Answering.Retrieval;
using NewsBot.Core.Text;

namespace NewsBot.Answering.Comparison;

/// <summary>
/// Questions that compare reports ("Do TechCrunch and The Verge both report …?", "Did the Engadget report on X come
/// after the TechCrunch report on Y?"): each named report is looked up on its own (its outlet, the words of its part
/// of the question), so neither side crowds the other out, and the answer lays out each side, cited and dated.
/// Without a language model NewsBot does not judge whether reports agree and says so; which report came first it
/// answers from their publication dates.
/// </summary>
public sealed partial class ReportComparison(PassageRetriever retriever, ExtractiveAnswerer extractive)
{
    private const int PassagesPerSide = 3;

    public const string NoVerdict = "Without a language model I lay out what each report says rather than judge whether they agree.";

    /// <summary>The parts of a yes/no question that each name a report, in order; empty when it is not such a question.</summary>
    public static IReadOnlyList<(string Outlet, string Part)> Parts(string question, IReadOnlyList<string> sources)
    {
        if (!YesNo().IsMatch(question))
        {
            return [];
        }

        var mentions = sources
            .SelectMany(s => Regex.Matches(question, $@"(?<![\p{{L}}\p{{N}}]){Regex.Escape(s.StartsWith("The ", StringComparison.OrdinalIgnoreCase) ? s[4..] : s)}(?![\p{{L}}\p{{N}}])")
                .Select(m => (Outlet: s, m.Index)))
            .GroupBy(m => m.Index).Select(g => g.OrderByDescending(m => m.Outlet.Length).First())
            .OrderBy(m => m.Index)
            .ToArray();
        if (mentions.Length < 2)
        {
            return [];
        }

        // Reports of different outlets are each looked up with the whole question, filtered to their outlet. Two
        // reports of one outlet are told apart by their own part of the question, with what it says before any
        // report is named (the shared subject). Outlet names are filters, not words to match.
        var oneOutlet = mentions.Select(m => m.Outlet).Distinct(StringComparer.OrdinalIgnoreCase).Count() < mentions.Length;
        string WithoutOutlets(string text) =>
            Spaces().Replace(sources.OrderByDescending(s => s.Length).Aggregate(text, (t, s) => t.Replace(s, " ", StringComparison.Ordinal)), " ").Trim();
        return mentions.Select((m, i) => (m.Outlet, WithoutOutlets(oneOutlet
            ? question[..mentions[0].Index] + " " + question[m.Index..(i + 1 < mentions.Length ? mentions[i + 1].Index : question.Length)]
            : question))).ToArray();
    }

    /// <summary>Each side's passages: its outlet's best matches for its part of the question.</summary>
    public async Task<IReadOnlyList<(string Outlet, string Part, IReadOnlyList<NewsPassage> Found)>> RetrieveAsync(
        IReadOnlyList<(string Outlet, string Part)> parts, CancellationToken cancellationToken)
    {
        var sides = new List<(string, string, IReadOnlyList<NewsPassage>)>();
        foreach (var (outlet, part) in parts)
        {
            sides.Add((outlet, part, await retriever.RetrieveAsync(part, outlet, PassagesPerSide, cancellationToken)));
        }

        return sides;
    }

    /// <summary>All sides' passages in one list, each once, the sides interleaved so each leads with its best.</summary>
    public static IReadOnlyList<NewsPassage> Merge(IReadOnlyList<(string Outlet, string Part, IReadOnlyList<NewsPassage> Found)> sides) =>
        Enumerable.Range(0, PassagesPerSide).SelectMany(i => sides.Where(s => i < s.Found.Count).Select(s => s.Found[i]))
            .DistinctBy(p => p.PassageId).ToArray();

    /// <summary>Without a model: a draft with [n] markers into the returned passages, or null when a side has nothing to show.</summary>
    public async Task<(string Draft, IReadOnlyList<NewsPassage> Passages)?> DraftAsync(
        string question, IReadOnlyList<(string Outlet, string Part, IReadOnlyList<NewsPassage> Found)> retrieved, CancellationToken cancellationToken)
    {
        var passages = new List<NewsPassage>();
        var sides = new List<(string Outlet, NewsPassage Passage, string Line)>();
        foreach (var (outlet, part, found) in retrieved)
        {
            var best = (await extractive.ScoreAsync(part, found, cancellationToken)).FirstOrDefault();
            if (best is null)
            {
                return null;
            }

            var passage = found[best.Passage];
            var index = passages.FindIndex(p => p.PassageId == passage.PassageId);
            if (index < 0)
            {
                passages.Add(passage);
                index = passages.Count - 1;
            }

            sides.Add((outlet, passage, $"- {Attribution(passage)}: {ExtractiveAnswerer.Cite(best.Text, index)}"));
        }

        var lines = new List<string> { "Here is what each report says:" };
        lines.AddRange(sides.Select(s => s.Line));
        lines.Add(Order().IsMatch(question) && sides.Select(s => s.Passage.PublishedAt).Distinct().Count() == sides.Count && sides.All(s => s.Passage.PublishedAt is not null)
            ? Sequence(sides.Select(s => (s.Outlet, s.Passage.PublishedAt!.Value)).ToArray())
            : NoVerdict);
        return (string.Join('\n', lines), passages);
    }

    /// <summary>"The TechCrunch report (12 October 2023) came first, then The Verge's (14 October 2023)."</summary>
    private static string Sequence((string Outlet, DateTimeOffset Date)[] reports)
    {
        var ordered = reports.OrderBy(r => r.Date).ToArray();
        return $"By publication date, the {ordered[0].Outlet} report ({Date(ordered[0].Date)}) came first, then "
            + string.Join(", then ", ordered.Skip(1).Select(r => $"the {r.Outlet} report ({Date(r.Date)})")) + ".";
    }

    private static string Attribution(NewsPassage passage) =>
        string.Join(", ", new[] { passage.Source, passage.PublishedAt is { } d ? Date(d) : null }.Where(s => s is not null));

    private static string Date(DateTimeOffset date) => Dates.Spoken(date);

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"^\s*(?:does|did|do|is|was|are|were|has|have|had|can|could|would|will)\b", RegexOptions.IgnoreCase)]
    private static partial Regex YesNo();

    [GeneratedRegex(@"\b(?:before|after|earlier|later|first|prior|preced\w*|follow\w*|subsequent\w*)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Order();
}
