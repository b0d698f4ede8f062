using NewsBot.Core.Search;
using NewsBot.Ranking;

namespace NewsBot.Cli.Evaluation;

/// <summary>
/// Keeps every candidate list the search ranks (one per outlet lane), leaving the fused order, so a ranking model
/// learns from exactly what it will be given; each list labelled with the gold facts its passages hold.
/// </summary>
internal sealed class CandidateRecorder : IPassageRanker
{
    private readonly List<RankingGroup> _groups = [];

    public int Question { get; set; }

    public string[] Facts { get; set; } = [];

    public IReadOnlyList<RankingGroup> Groups => _groups;

    public IReadOnlyList<RankingCandidate> Rank(RankingQuery query, IReadOnlyList<RankingCandidate> candidates)
    {
        var texts = candidates.Select(c => RetrievalMetrics.Squash(c.Hit.Text)).ToArray();
        var (rows, parts) = RankingFeatures.Of(query, candidates);
        _groups.Add(new RankingGroup(
            Question,
            rows,
            candidates.Select(c => c.Hit.ArticleId).ToArray(),
            parts,
            texts.Select(t => Enumerable.Range(0, Facts.Length).Where(f => t.Contains(Facts[f], StringComparison.Ordinal)).ToArray()).ToArray(),
            Facts.Length));
        return candidates;
    }
}
