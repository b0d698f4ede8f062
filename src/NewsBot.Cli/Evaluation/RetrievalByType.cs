using System.Text.Json;
using System.Text.Json.Nodes;

namespace NewsBot.Cli.Evaluation;

/// <summary>The retrieval figures over all questions and for each question type, so a gain on one type that costs another shows.</summary>
internal sealed class RetrievalByType
{
    private readonly RetrievalMetrics _all = new();
    private readonly SortedDictionary<string, RetrievalMetrics> _byType = new(StringComparer.Ordinal);

    public RetrievalMetrics All => _all;

    public void Add(GoldQuestion question, IReadOnlyList<string> passages)
    {
        _all.Add(question, passages);
        if (RetrievalMetrics.IsScorable(question))
        {
            var type = question.Type ?? "untyped";
            if (!_byType.TryGetValue(type, out var metrics))
            {
                _byType[type] = metrics = new RetrievalMetrics();
            }

            metrics.Add(question, passages);
        }
    }

    public object Figures() => new { all = _all.Figures(), by_type = _byType.ToDictionary(t => t.Key, t => t.Value.Figures()) };

    /// <summary>The overall figures and latency, and <c>by_type</c>.</summary>
    public JsonObject Summary(IReadOnlyList<double> sortedLatenciesMs)
    {
        var summary = JsonSerializer.SerializeToNode(_all.Summary(sortedLatenciesMs))!.AsObject();
        summary["by_type"] = JsonSerializer.SerializeToNode(_byType.ToDictionary(t => t.Key, t => t.Value.Figures()));
        return summary;
    }
}
