using Microsoft.ML;
using Microsoft.ML.Trainers.FastTree;

namespace NewsBot.Ranking;

/// <summary>
/// One ranked list the search produced for a question (a lane of it): each candidate's features, article, position
/// in its article, the part of the question it matches best, and the gold facts it holds (indexes into the question's
/// <paramref name="FactCount"/> facts); its label is how many.
/// </summary>
public sealed record RankingGroup(int Question, float[][] Features, string[] Articles, int[] Positions, int[] Parts, int[][] Facts, int FactCount)
{
    public float Label(int candidate) => Math.Min(3, Facts[candidate].Length);
}

/// <summary>
/// Fits a LambdaMART model (ML.NET FastTree ranking) to labelled candidate lists, and the <see cref="Spread"/> that
/// serves it best, chosen from a few values of each by average precision in the top ten on lists the model did not
/// learn from: a model's scores on its own training lists are surer than on new questions, and the spread chosen on
/// them would be too.
/// </summary>
public sealed class RankerTrainer(MLContext ml)
{
    private static readonly double[] Diversities = [0, 0.25, 0.5, 1, 2, 4, 8];

    // The lists are split by question into this many parts; each is scored by a model fitted to the others.
    private const int SpreadFolds = 3;

    // A leaf of a tree stands for at least one in this many of the candidates learned from (and never fewer than
    // MinimumLeaf): a split must be borne out by many questions' lists, not by the few candidates some questions
    // happen to share. On the dev split's folds (~68,000 candidates each) leaves of ~100 ranked unseen questions
    // better than leaves of 20, and allowed more leaves a tree (32) where 20 a leaf overfitted with as many.
    private const int CandidatesPerLeaf = 700;
    private const int MinimumLeaf = 20;
    private const int Leaves = 32;

    public RankerModel Train(IReadOnlyList<RankingGroup> groups, string trainedOn)
    {
        var model = Fit(groups, trainedOn);
        var scored = new List<(RankingGroup Group, double[] Scores)>();
        for (var fold = 0; fold < SpreadFolds; fold++)
        {
            var (learnFrom, held) = (groups.Where(g => g.Question % SpreadFolds != fold).ToArray(), groups.Where(g => g.Question % SpreadFolds == fold).ToArray());
            if (learnFrom.Length > 0 && held.Length > 0)
            {
                var ranker = new LearnedRanker(Fit(learnFrom, trainedOn));
                scored.AddRange(held.Select(g => (g, ranker.Scores(g.Features))));
            }
        }

        if (scored.Count == 0)
        {
            // Too few questions to hold any out: the spread is chosen on the lists the model learnt from.
            var ranker = new LearnedRanker(model);
            scored.AddRange(groups.Select(g => (g, ranker.Scores(g.Features))));
        }

        var spread = Diversities.SelectMany(a => Diversities.SelectMany(p => Diversities.Select(n => new Spread(a, p, n))))
            .MaxBy(x => scored.Average(s => AveragePrecision(s.Group, LearnedRanker.Order(s.Group.Articles, s.Group.Positions, s.Group.Parts, s.Scores, x, limit: 10).Order)))!;
        return model with { Description = model.Description with { Diversity = spread.Article, PartDiversity = spread.Part, NeighbourDiversity = spread.Neighbour } };
    }

    private RankerModel Fit(IReadOnlyList<RankingGroup> groups, string trainedOn)
    {
        var rows = groups.SelectMany((g, i) => g.Features.Select((f, j) => new RankerRow { Group = (uint)i + 1, Label = g.Label(j), Features = f })).ToArray();
        var data = RankerRow.Load(ml, rows);
        var trainer = ml.Ranking.Trainers.FastTree(new FastTreeRankingTrainer.Options
        {
            LabelColumnName = nameof(RankerRow.Label),
            FeatureColumnName = nameof(RankerRow.Features),
            RowGroupColumnName = nameof(RankerRow.Group),
            NumberOfTrees = 400,
            NumberOfLeaves = Leaves,
            MinimumExampleCountPerLeaf = LeafSize(rows.Length),
            LearningRate = 0.1,
            NumberOfThreads = 1,
            Seed = 1,
            FeatureFraction = 0.8,
        });
        var transformer = trainer.Fit(data);
        return new RankerModel(transformer, data.Schema, new RankerDescription(
            Features: Core.Search.RankingFeatures.Names, Diversity: 0, PartDiversity: 0, TrainedOn: trainedOn, Questions: groups.Select(g => g.Question).Distinct().Count()));
    }

    /// <summary>The fewest candidates a leaf may stand for, for a training set of <paramref name="candidates"/>.</summary>
    internal static int LeafSize(int candidates) => Math.Max(MinimumLeaf, candidates / CandidatesPerLeaf);

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
