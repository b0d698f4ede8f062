using System.Globalization;
using System.Text.RegularExpressions;
using NewsBot.Core.Text;

namespace NewsBot.Core.Search;

/// <summary>
/// What a learned ranker knows of each candidate passage, read from the question, the passage and the other
/// candidates; the one definition shared by training and serving (a model records <see cref="Names"/> and is used
/// only with the same list).
/// </summary>
public static partial class RankingFeatures
{
    public static readonly IReadOnlyList<string> Names =
    [
        "fused", "fused_rank", "keyword", "keyword_rank", "vector", "vector_rank", "vector_gap",
        "terms_in_passage", "rare_terms_in_passage", "terms_in_title", "names_in_passage", "figures_in_passage",
        "outlet_named", "period_named", "position_in_article", "article_passages", "rank_in_article", "article_best_gap",
        "outlet_share", "length", "parts", "best_part", "best_part_rare", "parts_half_covered", "part_rank",
        "sentence_best", "sentence_best_gap", "bridge_in_passage",
        "focus_terms", "focus_rare", "focus_rank",
        "part_sentence", "part_sentence_rank", "own_sentence", "own_sentence_rank",
    ];

    /// <summary>
    /// One row of <see cref="Names"/>' length per candidate, in the candidates' order, and the part of the question
    /// each answers best (<see cref="RankingQuery.BestPart"/>).
    /// </summary>
    public static (float[][] Rows, int[] BestParts) Of(RankingQuery query, IReadOnlyList<RankingCandidate> candidates)
    {
        var question = query.Question;
        var terms = QueryTerms.Extract(question).Select(Stems.Of).Distinct(StringComparer.Ordinal).ToArray();
        var names = NamesIn(question);
        var figures = Figures.InDigits(question);
        var (years, months) = PeriodIn(question);
        var words = candidates.Select(c => WordsOf(c.Hit.Text)).ToArray();
        var parts = query.Parts.Select(p => p.Terms).ToArray();
        var titles = candidates.Select(c => WordsOf(c.Hit.Title)).ToArray();

        // A term found in few of the candidates tells them apart; one in all of them does not.
        var rarity = terms.Concat(parts.SelectMany(p => p)).Distinct(StringComparer.Ordinal)
            .ToDictionary(t => t, t => Math.Log(1.0 + candidates.Count / (1.0 + words.Count(w => w.Contains(t)))), StringComparer.Ordinal);
        var bestVector = candidates.Where(c => c.Vector is not null).Select(c => c.Vector!.Value).DefaultIfEmpty(0).Max();
        var byArticle = candidates.Select((c, i) => (c.Hit.ArticleId, c.Fused, i)).GroupBy(a => a.ArticleId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(a => a.Fused).Select(a => a.i).ToArray(), StringComparer.Ordinal);
        var bySource = candidates.GroupBy(c => c.Hit.Source ?? "", StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.Count(), StringComparer.OrdinalIgnoreCase);

        // The passage's sentence closest to the question: a fact is one sentence, however the question words it.
        var sentences = candidates.Select(c => query.SentenceScores.GetOrAdd(c.Hit.PassageId, _ => c.Hit.Sentences?.BestSimilarity(query.Vector.Span) ?? -1f)).ToArray();
        var bestSentence = sentences.Max();
        // Each candidate's best rank among the candidates by one part's rare terms: a part's best evidence ranks
        // first for that part however the whole question ranks it.
        var partRanks = BestRanks(parts, words, rarity);

        // In an outlet's lane, how well each candidate answers the clauses naming that outlet, and its best rank by one.
        var focus = query.Focus.Select(p => p.Terms).ToArray();
        var focusRanks = BestRanks(focus, words, rarity);

        // Each part's closest sentence in each passage: a fact is one sentence, and a part of the question describes one fact.
        var partSentences = Enumerable.Range(0, query.PartVectors.Count).Select(p => candidates.Select(c => query.PartSentenceScores.GetOrAdd(
            (c.Hit.PassageId, p), _ => c.Hit.Sentences?.BestSimilarity(query.PartVectors[p].Span) ?? -1f)).ToArray()).ToArray();
        var (partSentence, partSentenceRank) = BestBy(partSentences, candidates.Count);
        var (ownSentence, ownSentenceRank) = BestBy(query.OwnParts.Where(p => p < partSentences.Length).Select(p => partSentences[p]).ToArray(), candidates.Count);
        var rows = new float[candidates.Count][];
        for (var i = 0; i < candidates.Count; i++)
        {
            var c = candidates[i];
            var hit = c.Hit;
            var article = byArticle[hit.ArticleId];
            var text = hit.Text;
            rows[i] =
            [
                (float)c.Fused,
                c.FusedRank,
                (float)(c.Keyword ?? 0),
                c.KeywordRank == 0 ? 100 : c.KeywordRank,
                (float)(c.Vector ?? 0),
                c.VectorRank == 0 ? 100 : c.VectorRank,
                c.Vector is { } v ? (float)(bestVector - v) : 1,
                Share(terms, t => words[i].Contains(t)),
                Rare(terms, words[i], rarity),
                Share(terms, t => titles[i].Contains(t)),
                names.Count == 0 ? -1 : Share(names, n => text.Contains(n, StringComparison.Ordinal)),
                figures.Count == 0 ? -1 : Share(figures.ToArray(), f => text.Contains(f, StringComparison.Ordinal)),
                hit.Source is { Length: > 0 } source && Mentions(question, source) ? 1 : 0,
                PeriodMatch(hit.PublishedAt, years, months),
                PositionOf(hit.PassageId),
                article.Length,
                Array.IndexOf(article, i),
                (float)(candidates[article[0]].Fused - c.Fused),
                (float)bySource[hit.Source ?? ""] / candidates.Count,
                text.Length / 1000f,
                parts.Length,
                parts.Max(p => Share(p, t => words[i].Contains(t))),
                parts.Max(p => Rare(p, words[i], rarity)),
                parts.Count(p => Share(p, t => words[i].Contains(t)) >= 0.5f),
                partRanks[i],
                sentences[i],
                sentences[i] < 0 ? 1 : bestSentence - sentences[i],
                query.Bridge.Count == 0 ? -1 : Share(query.Bridge, n => text.Contains(n, StringComparison.Ordinal)),
                focus.Length == 0 ? -1 : focus.Max(p => Share(p, t => words[i].Contains(t))),
                focus.Length == 0 ? -1 : focus.Max(p => Rare(p, words[i], rarity)),
                focus.Length == 0 ? -1 : focusRanks[i],
                partSentence[i],
                partSentenceRank[i],
                ownSentence[i],
                ownSentenceRank[i],
            ];
        }

        return (rows, words.Select(query.BestPart).ToArray());
    }

    // Each candidate's best score by any one list of scores, and its best rank (from 1) by one; -1 and the candidate
    // count where there are no lists.
    private static (float[] Best, float[] Rank) BestBy(IReadOnlyList<float[]> lists, int count)
    {
        var best = new float[count];
        var ranks = new float[count];
        Array.Fill(best, -1);
        Array.Fill(ranks, count);
        foreach (var scores in lists)
        {
            var ranked = Enumerable.Range(0, count).OrderByDescending(i => scores[i]).ThenBy(i => i).ToArray();
            for (var r = 0; r < count; r++)
            {
                best[ranked[r]] = Math.Max(best[ranked[r]], scores[ranked[r]]);
                ranks[ranked[r]] = Math.Min(ranks[ranked[r]], r + 1);
            }
        }

        return (best, ranks);
    }

    // Each candidate's best rank (from 1) among the candidates by one part's rare terms.
    private static float[] BestRanks(IReadOnlyList<string[]> parts, HashSet<string>[] words, Dictionary<string, double> rarity) =>
        BestBy(parts.Select(p => words.Select(w => Rare(p, w, rarity)).ToArray()).ToArray(), words.Length).Rank;

    // The share of the terms' rarity the passage holds.
    private static float Rare(IReadOnlyCollection<string> terms, HashSet<string> words, Dictionary<string, double> rarity)
    {
        var total = terms.Sum(t => rarity[t]);
        return total > 0 ? (float)(terms.Sum(t => words.Contains(t) ? rarity[t] : 0) / total) : 0;
    }

    /// <summary>A text's matchable words, stemmed; read once per text while the text is held (a remembered passage is read again by every question it answers).</summary>
    private static HashSet<string> WordsOf(string text) =>
        Analysed.GetValue(text, QueryTerms.StemSet);

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<string, HashSet<string>> Analysed = new();

    private static float Share<T>(IReadOnlyCollection<T> items, Func<T, bool> found) =>
        items.Count == 0 ? 0 : (float)items.Count(found) / items.Count;

    // Names as written, each word of a name on its own ("Sam Bankman-Fried" is found as "Bankman-Fried" too); not
    // the question's first word, which is capitalised anyway.
    private static IReadOnlyList<string> NamesIn(string question) =>
        Words.Capitalised.Matches(question).Where(m => m.Index > 0).Select(m => Words.WithoutPossessive(m.Value))
            .Where(n => n.Length > 1).Distinct(StringComparer.Ordinal).ToArray();

    private static bool Mentions(string question, string source)
    {
        var name = source.StartsWith("The ", StringComparison.OrdinalIgnoreCase) ? source[4..] : source;
        return question.Contains(name, StringComparison.OrdinalIgnoreCase);
    }

    private static (HashSet<int> Years, HashSet<int> Months) PeriodIn(string question) =>
        (Year().Matches(question).Select(m => int.Parse(m.Value, CultureInfo.InvariantCulture)).ToHashSet(),
         Month().Matches(question).Select(m => DateTime.ParseExact(m.Value[..3], "MMM", CultureInfo.InvariantCulture).Month).ToHashSet());

    // 1 when the passage's date is in a month or year the question names, 0 when it names one and the date is
    // elsewhere, -1 when it names none.
    private static float PeriodMatch(DateTimeOffset? published, HashSet<int> years, HashSet<int> months)
    {
        if (years.Count == 0 && months.Count == 0)
        {
            return -1;
        }

        return published is { } date && (years.Count == 0 || years.Contains(date.Year)) && (months.Count == 0 || months.Contains(date.Month)) ? 1 : 0;
    }

    /// <summary>A passage's position in its article (from its id, <c>article#n</c>); -1 when the id has none.</summary>
    public static int PositionOf(string passageId) =>
        passageId.LastIndexOf('#') is var at and >= 0 && int.TryParse(passageId.AsSpan(at + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var index) ? index : -1;

    [GeneratedRegex(@"\b(?:19|20)\d{2}\b")]
    private static partial Regex Year();

    [GeneratedRegex($@"\b(?:{Dates.MonthNames})\b")]
    private static partial Regex Month();
}
