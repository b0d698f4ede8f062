using Microsoft.ML;
using Microsoft.ML.Trainers.FastTree;

namespace NewsBot.Ranking;

/// <summary>
/// One ranked list the search produced for a question (a lane of it): each candidate's features, article, the part
/// of the question it matches best, and the gold facts it holds (indexes into the question's <paramref name="FactCount"/> facts); its label is how many.
/// </summary>
public sealed record RankingGroup(int Question, float[][] Features, string[] Articles, int[] Parts, int[][] Facts, int FactCount)
{
    public float Label(int candidate) => Math.Min(3, Facts[candidate].Length);
}

/// <summary>
/// Fits a LambdaMART model (ML.NET FastTree ranking) to labelled candidate lists, and the article diversity that
/// serves it best on the same lists (chosen from a few values by average precision in the top ten).
/// </summary>
public sealed class RankerTrainer(MLContext ml)
{
    private static readonly double[] Diversities = [0, 0.25, 0.5, 1, 2, 4, 8];

    public RankerModel Train(IReadOnlyList<RankingGroup> groups, string trainedOn)
    {
        var rows = groups.SelectMany((g, i) => g.Features.Select((f, j) => new RankerRow { Group = (uint)i + 1, Label = g.Label(j), Features = f })).ToArray();
        var data = RankerRow.Load(ml, rows);
        var trainer = ml.Ranking.Trainers.FastTree(new FastTreeRankingTrainer.Options
        {
            LabelColumnName = nameof(RankerRow.Label),
            FeatureColumnName = nameof(RankerRow.Features),
            RowGroupColumnName = nameof(RankerRow.Group),
            NumberOfTrees = 400,
            NumberOfLeaves = 16,
            MinimumExampleCountPerLeaf = 20,
            LearningRate = 0.1,
            NumberOfThreads = 1,
            Seed = 1,
            FeatureFraction = 0.8,
        });
        var transformer = trainer.Fit(data);
        var model = new RankerModel(transformer, data.Schema, new RankerDescription(
            Features: Core.Search.RankingFeatures.Names, Diversity: 0, PartDiversity: 0, TrainedOn: trainedOn, Questions: groups.Select(g => g.Question).Distinct().Count()));
        var ranker = new LearnedRanker(model);
        var scored = groups.Select(g => (Group: g, Scores: ranker.Scores(g.Features))).ToArray();
        var (diversity, partDiversity) = Diversities.SelectMany(d => Diversities.Select(p => (d, p)))
            .MaxBy(x => scored.Average(s => AveragePrecision(s.Group, LearnedRanker.Order(s.Group.Articles, s.Group.Parts, s.Scores, x.d, x.p).Order)));
        return model with { Description = model.Description with { Diversity = diversity, PartDiversity = partDiversity } };
    }

    /// <summary>MAP@10 as the evaluation counts it: each gold fact counts once, where it is first found.</summary>
    private static double AveragePrecision(RankingGroup group, int[] order)
    {
        if (group.FactCount == 0)
        {
            return 0;
        }

        var found = new HashSet<int>();
        double sum = 0;
        for (var rank = 1; rank <= Math.Min(10, order.Length); rank++)
        {
            sum += (double)group.Facts[order[rank - 1]].Count(found.Add) / rank;
        }

        return sum / Math.Min(group.FactCount, 10);
    }
}
