using System.Text.RegularExpressions;
using NewsBot.Answering.Extractive;
using NewsBot.Answering.Retrieval;
using NewsBot.Core.Search;
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
        // A question asking which came first names each report by what it reported: each side is its own part too.
        var oneOutlet = mentions.Select(m => m.Outlet).Distinct(StringComparer.OrdinalIgnoreCase).Count() < mentions.Length || ComparisonClaims.AsksOrder(question);
        string WithoutOutlets(string text) =>
            Spaces().Replace(sources.OrderByDescending(s => s.Length).Aggregate(text, (t, s) => t.Replace(s, " ", StringComparison.Ordinal)), " ").Trim();
        // A part that says nothing of its own ("… before Northern Wire did?") is about what the question is about.
        string Own(string part) => NewsBot.Answering.Questions.TopicWords.In(ComparisonClaims.WithoutFraming(part)).Count > 0 ? part : WithoutOutlets(question);
        return mentions.Select((m, i) => (m.Outlet, oneOutlet
            ? Own(WithoutOutlets(question[..mentions[0].Index] + " " + question[m.Index..(i + 1 < mentions.Length ? mentions[i + 1].Index : question.Length)]))
            : WithoutOutlets(question))).ToArray();
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

    public const string NoVerdict = "The reports don't settle this without a language model: I lay out what each says rather than judge whether they agree.";

    /// <summary>What a comparing question claims, read from where its first report is named.</summary>
    public static ComparisonClaim ClaimOf(string question, IReadOnlyList<(string Outlet, string Part)> parts) =>
        parts.Count < 2 ? ComparisonClaim.Agreement
        : ComparisonClaims.Of(question, Math.Max(0, question.IndexOf(parts[0].Outlet.StartsWith("The ", StringComparison.OrdinalIgnoreCase) ? parts[0].Outlet[4..] : parts[0].Outlet, StringComparison.Ordinal)));

    /// <summary>
    /// Without a model: a draft with [n] markers into the returned passages, or null when no side has anything to show.
    /// A side whose best sentence (read under its headline) has none of the subject's words, or lacks one of a short
    /// subject's (<see cref="SentenceCandidate.IsAbout"/>), is no report on it: the outlet is said to have nothing on it. The verdict comes first where the question's
    /// claim can be decided from what NewsBot holds (order by publication date, coverage by each side having a
    /// report); otherwise the answer says first that the reports do not settle it.
    /// </summary>
    public async Task<(string Draft, IReadOnlyList<NewsPassage> Passages)?> DraftAsync(
        ComparisonClaim claim, IReadOnlyList<(string Outlet, string Part, IReadOnlyList<NewsPassage> Found)> retrieved, CancellationToken cancellationToken)
    {
        var best = new List<(string Outlet, string Subject, IReadOnlyList<NewsPassage> Found, SentenceCandidate? Best, int Terms)>();
        foreach (var (outlet, part, found) in retrieved)
        {
            var subject = ComparisonClaims.WithoutFraming(part);
            best.Add((outlet, subject, found, (await extractive.ScoreAsync(subject, found, cancellationToken)).FirstOrDefault(), ExtractiveAnswerer.SubjectTerms(subject)));
        }

        var passages = new List<NewsPassage>();
        var sides = new List<(string Outlet, NewsPassage? Passage, bool Matches, string Line)>();
        foreach (var (outlet, subject, found, candidate, terms) in best)
        {
            if (candidate is null || candidate.Overlap <= 0 || (terms <= 3 && !candidate.IsAbout(terms)))
            {
                sides.Add((outlet, null, false, $"- {outlet}: nothing on this in the news I have."));
                continue;
            }

            var passage = found[candidate.Passage];
            var index = passages.FindIndex(p => p.PassageId == passage.PassageId);
            if (index < 0)
            {
                passages.Add(passage);
                index = passages.Count - 1;
            }

            sides.Add((outlet, passage, TellsWhatHappened(subject, passage.Title + " " + candidate.Text), $"- {Attribution(passage)}: {ExtractiveAnswerer.Cite(candidate.Text, index)}"));
        }

        if (passages.Count == 0)
        {
            return null;
        }

        var lines = new List<string> { Verdict(claim, sides.Select(s => (s.Outlet, s.Passage?.PublishedAt, s.Passage is not null, s.Matches)).ToArray()) };
        lines.AddRange(sides.Select(s => s.Line));
        return (string.Join('\n', lines), passages);
    }

    /// <summary>"Yes. …" / "No. …" where what NewsBot holds decides the claim; otherwise a plain statement that it does not.</summary>
    private static string Verdict(ComparisonClaim claim, (string Outlet, DateTimeOffset? Date, bool Found, bool Matches)[] sides)
    {
        var missing = sides.Where(s => !s.Found).Select(s => s.Outlet).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
        if (missing.Length > 0)
        {
            var nothing = $"I have nothing from {Join(missing)} on this";
            return claim == ComparisonClaim.Coverage ? $"Not in the news I have: {nothing}. What each has:" : $"The reports don't settle this: {nothing}. What each has:";
        }

        if (claim == ComparisonClaim.Coverage)
        {
            return "Yes. Each has a report on it:";
        }

        if (claim is ComparisonClaim.FirstBeforeSecond or ComparisonClaim.FirstAfterSecond && sides.Length == 2 && sides[0].Date is { } first && sides[1].Date is { } second)
        {
            if (Dates.Spoken(first) == Dates.Spoken(second))
            {
                return $"The reports don't settle this: both are dated {Date(first)}. What each says:";
            }

            // The dates order the reports the question describes: a side whose sentence names the subject but none
            // of what the question says happened ("missing a penalty") may be another report of that outlet.
            if (sides.FirstOrDefault(s => !s.Matches) is { Outlet: { } unsure })
            {
                return $"The reports don't settle this: what I have from {unsure} may not be the report you mean. What each says:";
            }

            var yes = (first < second) == (claim == ComparisonClaim.FirstBeforeSecond);
            return $"{(yes ? "Yes" : "No")}. {Sequence(sides.Select(s => (s.Outlet, s.Date!.Value)).ToArray())} What each says:";
        }

        return NoVerdict;
    }

    /// <summary>
    /// Whether a side's evidence (its headline and quoted sentence) holds at least one of the words its part of the
    /// question uses for what happened, beyond the names it gives ("Flipboard's integration of ActivityPub" needs
    /// "integration" or the like, not just "Flipboard"); words compared by their first five letters.
    /// </summary>
    private static bool TellsWhatHappened(string subject, string evidence)
    {
        var named = Words.Names.Matches(subject).SelectMany(m => Words.Of(m.Value.ToLowerInvariant())).ToHashSet(StringComparer.Ordinal);
        var happened = QueryTerms.Extract(subject).Where(t => !named.Contains(t) && t.Length > 3 && !char.IsDigit(t[0])).Select(t => Stems.Prefix(t, 5)).ToArray();
        var said = QueryTerms.Tokens(evidence).Select(t => Stems.Prefix(t, 5)).ToHashSet(StringComparer.Ordinal);
        return happened.Length == 0 || happened.Any(said.Contains);
    }

    private static string Join(IReadOnlyList<string> names) =>
        names.Count == 1 ? names[0] : string.Join(", ", names.Take(names.Count - 1)) + " or " + names[^1];

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

    // A yes/no question, or one whose yes/no part follows a clause naming a report first ("After X reported …, did
    // Y …?", "Between the X report and the Y report, was there …?").
    [GeneratedRegex(@"^\s*(?:does|did|do|is|was|are|were|has|have|had|can|could|would|will)\b|^\s*(?:after|before|between|following|since)\b[^?]*?,\s*(?:does|did|do|is|was|are|were|has|have|had|can|could|would|will)\b", RegexOptions.IgnoreCase)]
    private static partial Regex YesNo();

}
