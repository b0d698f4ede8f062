using NewsBot.Core.Search;
using NewsBot.Ranking;

namespace NewsBot.Cli.Evaluation;

/// <summary>
/// Keeps every candidate list the search ranks (one per outlet lane), leaving the fused order, so a ranking model
/// learns from exactly what it will be given; each list labelled with the gold facts its passages hold. Lanes are
/// ranked side by side: the lists are kept in one order whatever order they arrive in (by question, pass and outlet).
/// </summary>
internal sealed class CandidateRecorder : IPassageRanker
{
    private readonly List<(RankingGroup Group, int Pass, string Lane)> _groups = [];

    public int Question { get; set; }

    public string[] Facts { get; set; } = [];

    public IReadOnlyList<RankingGroup> Groups
    {
        get
        {
            lock (_groups)
            {
                return _groups.OrderBy(g => g.Group.Question).ThenBy(g => g.Pass).ThenBy(g => g.Lane, StringComparer.Ordinal).Select(g => g.Group).ToArray();
            }
        }
    }

    public IReadOnlyList<RankingCandidate> Rank(RankingQuery query, IReadOnlyList<RankingCandidate> candidates)
    {
        var texts = candidates.Select(c => RetrievalMetrics.Squash(c.Hit.Text)).ToArray();
        var (rows, parts) = RankingFeatures.Of(query, candidates);
        var group = new RankingGroup(
            Question,
            rows,
            candidates.Select(c => c.Hit.ArticleId).ToArray(),
            candidates.Select(c => RankingFeatures.PositionOf(c.Hit.PassageId)).ToArray(),
            parts,
            texts.Select(t => Enumerable.Range(0, Facts.Length).Where(f => t.Contains(Facts[f], StringComparison.Ordinal)).ToArray()).ToArray(),
            Facts.Length);
        var lane = string.Join('\n', candidates.Select(c => c.Hit.Source ?? "").Distinct().Order(StringComparer.Ordinal));
        lock (_groups)
        {
            _groups.Add((group, query.Bridge.Count > 0 ? 1 : 0, lane));
        }

        return candidates;
    }
}
