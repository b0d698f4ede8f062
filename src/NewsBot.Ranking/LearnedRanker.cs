using NewsBot.Core.Search;

namespace NewsBot.Ranking;

/// <summary>
/// Orders fused candidates by a LambdaMART model over <see cref="RankingFeatures"/>, then spreads the top across
/// articles and the question's parts: each passage of an article already placed above costs
/// <see cref="RankerDescription.Diversity"/> of the model's score, each passage placed for the same part of the
/// question <see cref="RankerDescription.PartDiversity"/>, and a passage next to one placed (sharing its overlapping
/// words) <see cref="RankerDescription.NeighbourDiversity"/>, so near-duplicate passages of one report do not crowd
/// out a second report, nor one part's evidence another's.
/// </summary>
public sealed class LearnedRanker(RankerModel model) : IPassageRanker
{
    // The model's scores run over about -10..10; shown as 0..1 through a logistic this wide, so the top ones differ.
    private const double ScoreScale = 4;

    public IReadOnlyList<RankingCandidate> Rank(RankingQuery query, IReadOnlyList<RankingCandidate> candidates)
    {
        if (candidates.Count < 2)
        {
            return candidates;
        }

        var (rows, parts) = RankingFeatures.Of(query, candidates);
        var (order, scores) = Order(
            candidates.Select(c => c.Hit.ArticleId).ToArray(), candidates.Select(c => RankingFeatures.PositionOf(c.Hit.PassageId)).ToArray(), parts, Scores(rows),
            model.Description.Spread);

        // The score shown with a passage is the ranking's own (0..1, falling with the rank), not the fusion's.
        return order.Select((i, rank) => candidates[i] with { Hit = candidates[i].Hit with { Score = Math.Round(1 / (1 + Math.Exp(-scores[rank] / ScoreScale)), 6) } }).ToArray();
    }

    /// <summary>The model's score of each row of features.</summary>
    internal double[] Scores(float[][] features)
    {
        var scores = new double[features.Length];
        for (var i = 0; i < scores.Length; i++)
        {
            scores[i] = model.Trees.Score(features[i]);
        }

        return scores;
    }

    /// <summary>
    /// The first <paramref name="limit"/> candidate indexes, best first. Greedy: the best remaining score, less what
    /// the passages placed cost it (<see cref="Spread"/>: per passage of its article, per passage placed for the same
    /// part of the question, the part it matches best, and once when it is next to a placed passage of its article,
    /// by <paramref name="positions"/>); ties keep the fused order. Each placed candidate's score as it was placed
    /// comes with it, never rising down the list.
    /// </summary>
    internal static (int[] Order, double[] Scores) Order(
        IReadOnlyList<string> articles, IReadOnlyList<int> positions, IReadOnlyList<int> parts, IReadOnlyList<double> scores, Spread spread, int limit = int.MaxValue)
    {
        var placedScores = new double[Math.Min(limit, articles.Count)];
        var byPart = new Dictionary<int, int>();
        var left = Enumerable.Range(0, articles.Count).ToList();
        var placed = new Dictionary<string, int>(StringComparer.Ordinal);
        var neighbours = new HashSet<(string, int)>();
        var order = new int[placedScores.Length];
        for (var n = 0; n < order.Length; n++)
        {
            var best = left[0];
            var bestScore = double.NegativeInfinity;
            foreach (var i in left)
            {
                var score = scores[i] - spread.Article * placed.GetValueOrDefault(articles[i]) - spread.Part * byPart.GetValueOrDefault(parts[i])
                    - (neighbours.Contains((articles[i], positions[i])) ? spread.Neighbour : 0);
                if (score > bestScore)
                {
                    (best, bestScore) = (i, score);
                }
            }

            left.Remove(best);
            placed[articles[best]] = placed.GetValueOrDefault(articles[best]) + 1;
            byPart[parts[best]] = byPart.GetValueOrDefault(parts[best]) + 1;
            neighbours.Add((articles[best], positions[best] - 1));
            neighbours.Add((articles[best], positions[best] + 1));
            order[n] = best;
            placedScores[n] = bestScore;
        }

        return (order, placedScores);
    }
}
