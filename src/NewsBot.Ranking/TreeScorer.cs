using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.FastTree;

namespace NewsBot.Ranking;

/// <summary>
/// A LambdaMART model's trees laid out in flat arrays and walked directly: the score ML.NET's prediction engine gives
/// (the bias plus each tree's leaf, weighted; a value at or below a split's threshold goes left), at a fraction of
/// its cost per row, which matters when every search scores a few hundred candidates.
/// </summary>
internal sealed class TreeScorer
{
    private readonly int[] _roots;
    private readonly int[] _features;
    private readonly float[] _thresholds;
    private readonly int[] _left;
    private readonly int[] _right;
    private readonly int[] _leafStarts;
    private readonly double[] _leaves;
    private readonly double[] _weights;
    private readonly double _bias;

    private TreeScorer(RegressionTreeEnsemble ensemble)
    {
        var trees = ensemble.Trees;
        if (trees.Any(t => t.CategoricalSplitFlags.Any(c => c)))
        {
            throw new InvalidDataException("the ranking model has categorical splits, which NewsBot's features never make");
        }

        _roots = new int[trees.Count];
        _leafStarts = new int[trees.Count];
        var (features, thresholds, left, right, leaves) = (new List<int>(), new List<float>(), new List<int>(), new List<int>(), new List<double>());
        for (var t = 0; t < trees.Count; t++)
        {
            var tree = trees[t];
            _roots[t] = features.Count;
            _leafStarts[t] = leaves.Count;
            features.AddRange(tree.NumericalSplitFeatureIndexes);
            thresholds.AddRange(tree.NumericalSplitThresholds);

            // A child below zero is a leaf (its index complemented); a node's children are offset into the flat arrays.
            var offset = _roots[t];
            left.AddRange(tree.LeftChild.Select(c => c < 0 ? c : c + offset));
            right.AddRange(tree.RightChild.Select(c => c < 0 ? c : c + offset));
            leaves.AddRange(tree.LeafValues);
            if (tree.NumberOfNodes == 0)
            {
                _roots[t] = -1;
            }
        }

        (_features, _thresholds, _left, _right, _leaves) = ([.. features], [.. thresholds], [.. left], [.. right], [.. leaves]);
        _weights = [.. ensemble.TreeWeights];
        _bias = ensemble.Bias;
    }

    /// <summary>The scorer for a trained or loaded FastTree ranking model.</summary>
    public static TreeScorer Of(ITransformer transformer)
    {
        var last = transformer is TransformerChain<ITransformer> chain ? chain.LastTransformer : transformer;
        return last is ISingleFeaturePredictionTransformer<FastTreeRankingModelParameters> ranking
            ? new TreeScorer(ranking.Model.TrainedTreeEnsemble)
            : throw new InvalidDataException($"not a FastTree ranking model ({last.GetType().Name})");
    }

    /// <summary>The model's score of one row of features, as the prediction engine rounds it (to a float).</summary>
    public float Score(ReadOnlySpan<float> row)
    {
        var sum = _bias;
        for (var t = 0; t < _roots.Length; t++)
        {
            var node = _roots[t];
            if (node < 0)
            {
                sum += _weights[t] * _leaves[_leafStarts[t]];
                continue;
            }

            while (node >= 0)
            {
                node = row[_features[node]] <= _thresholds[node] ? _left[node] : _right[node];
            }

            sum += _weights[t] * _leaves[_leafStarts[t] + ~node];
        }

        return (float)sum;
    }
}
