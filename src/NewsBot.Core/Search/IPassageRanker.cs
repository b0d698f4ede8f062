namespace NewsBot.Core.Search;

/// <summary>
/// Orders the passages the fusion proposes for a question (after either store's search, within each outlet lane).
/// Without one, the fused order stands.
/// </summary>
public interface IPassageRanker
{
    /// <summary>The candidates, best first. A ranker reorders; it neither adds nor drops passages.</summary>
    IReadOnlyList<RankingCandidate> Rank(RankingQuery query, IReadOnlyList<RankingCandidate> candidates);
}
