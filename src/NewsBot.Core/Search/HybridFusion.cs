using NewsBot.Core.Storage;

namespace NewsBot.Core.Search;

/// <summary>
/// Fuses keyword and vector results by weighted scores: each list's scores are scaled to 0..1 (keyword by its best
/// score, vector between its best and worst candidate), a passage missing from a list gets 0 there, and the vector
/// side counts <c>denseWeight</c> times as much as the keyword side. Measured on news questions, this beats both
/// searches alone, where reciprocal rank fusion falls below keyword search.
/// </summary>
public static class HybridFusion
{
    public static IReadOnlyList<PassageHit> Fuse(IReadOnlyList<PassageHit> keyword, IReadOnlyList<PassageHit> dense, double denseWeight, int top) =>
        Candidates(keyword, dense, denseWeight).Take(top).Select(c => c.Hit).ToArray();

    /// <summary>Every passage either list holds, in fused order, with what each search said of it (for a ranker's features).</summary>
    public static IReadOnlyList<RankingCandidate> Candidates(IReadOnlyList<PassageHit> keyword, IReadOnlyList<PassageHit> dense, double denseWeight)
    {
        var scores = new Dictionary<string, (PassageHit Hit, double Score, double? Keyword, int KeywordRank, double? Vector, int VectorRank)>();
        var best = keyword.Count > 0 ? keyword.Max(h => h.Score) : 0;
        for (var i = 0; i < keyword.Count; i++)
        {
            var hit = keyword[i];
            scores[hit.PassageId] = (hit, best > 0 ? hit.Score / best : 0, hit.Score, i + 1, null, 0);
        }

        if (dense.Count > 0)
        {
            var max = dense.Max(h => h.Score);
            var min = dense.Min(h => h.Score);
            var range = max - min;
            for (var i = 0; i < dense.Count; i++)
            {
                var hit = dense[i];
                var scaled = range > 1e-9 ? (hit.Score - min) / range : 1.0;
                var add = denseWeight * scaled;
                scores[hit.PassageId] = scores.TryGetValue(hit.PassageId, out var existing)
                    ? existing with { Score = existing.Score + add, Vector = hit.Score, VectorRank = i + 1 }
                    : (hit, add, null, 0, hit.Score, i + 1);
            }
        }

        return scores.Values
            .OrderByDescending(s => s.Score)
            .ThenBy(s => s.Hit.PassageId, StringComparer.Ordinal)
            .Select((s, i) => new RankingCandidate(s.Hit with { Score = Math.Round(s.Score, 6) }, s.Keyword, s.KeywordRank, s.Vector, s.VectorRank, Math.Round(s.Score, 6), i + 1))
            .ToArray();
    }

    /// <summary>
    /// The candidates and, after them, the passages another search found that they lack (scored by neither of the
    /// fused searches: only a ranker reading other features can place them).
    /// </summary>
    public static IReadOnlyList<RankingCandidate> Widen(IReadOnlyList<RankingCandidate> candidates, IReadOnlyList<PassageHit> more)
    {
        var known = candidates.Select(c => c.Hit.PassageId).ToHashSet(StringComparer.Ordinal);
        var added = more.Where(h => known.Add(h.PassageId))
            .Select((h, i) => new RankingCandidate(h with { Score = 0 }, null, 0, null, 0, 0, candidates.Count + i + 1));
        return [.. candidates, .. added];
    }

    /// <summary>
    /// Round-robin over several ranked lists, skipping passages already taken: each list's first passage, then each
    /// list's second, and so on. With <paramref name="byScore"/> (scores a ranker gave, comparable across the lists)
    /// each round is ordered by score, so the list whose passage the ranker is surer of leads the round; otherwise
    /// the lists keep their order.
    /// </summary>
    public static IReadOnlyList<PassageHit> Interleave(IReadOnlyList<IReadOnlyList<PassageHit>> lanes, int top, bool byScore = false)
    {
        var result = new List<PassageHit>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var rank = 0; result.Count < top && lanes.Any(l => l.Count > rank); rank++)
        {
            var round = lanes.Where(l => l.Count > rank).Select(l => l[rank]);
            foreach (var hit in byScore ? round.OrderByDescending(h => h.Score) : round)
            {
                if (seen.Add(hit.PassageId) && result.Count < top)
                {
                    result.Add(hit);
                }
            }
        }

        return result;
    }
}
