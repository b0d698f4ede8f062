using System.Text.Json;
using System.Text.Json.Nodes;

namespace NewsBot.Cli.Evaluation;

/// <summary>
/// The MultiHop-RAG retrieval metrics: a passage is relevant when a gold fact is a substring of it once spaces and
/// newlines are removed from both.
/// </summary>
internal sealed class RetrievalMetrics
{
    private int _questions;
    private int _unscored;
    private double _hits10;
    private double _hits4;
    private double _mrr10;
    private double _map10;
    private double _all10;

    public void Add(GoldQuestion question, IReadOnlyList<string> passages)
    {
        // A question without evidence facts (like samples/questions.jsonl) is scored by its gold answer; one with
        // neither (a question the news cannot answer) has nothing to find, and is counted apart.
        var facts = Facts(question);
        if (facts.Length == 0)
        {
            _unscored++;
            return;
        }

        var found = new HashSet<string>();
        var firstRelevant = 0;
        var averagePrecision = 0.0;
        for (var rank = 1; rank <= Math.Min(10, passages.Count); rank++)
        {
            var text = Squash(passages[rank - 1]);
            var matching = facts.Where(f => text.Contains(f, StringComparison.Ordinal)).ToArray();
            if (matching.Length > 0 && firstRelevant == 0)
            {
                firstRelevant = rank;
            }

            var fresh = matching.Count(found.Add);
            averagePrecision += (double)fresh / rank;
        }

        _questions++;
        _hits10 += firstRelevant is > 0 and <= 10 ? 1 : 0;
        _hits4 += firstRelevant is > 0 and <= 4 ? 1 : 0;
        _mrr10 += firstRelevant > 0 ? 1.0 / firstRelevant : 0;
        _map10 += averagePrecision / Math.Min(facts.Length, 10);
        _all10 += found.Count == facts.Length ? 1 : 0;
    }

    /// <summary>The figures without latency.</summary>
    public object Figures() => new
    {
        questions = _questions,
        hits_at_10 = Share(_hits10),
        hits_at_4 = Share(_hits4),
        mrr_at_10 = Share(_mrr10),
        map_at_10 = Share(_map10),
        all_at_10 = Share(_all10),
    };

    /// <summary>Mean average precision at ten, for comparing rankings.</summary>
    public double MapAt10 => Share(_map10);

    /// <summary>The figures, with the questions that had nothing to find and the search latency.</summary>
    public JsonObject Summary(IReadOnlyList<double> sortedLatenciesMs)
    {
        var summary = JsonSerializer.SerializeToNode(Figures())!.AsObject();
        summary.Insert(1, "without_evidence", _unscored);
        summary["latency_ms_p50"] = Math.Round(Percentile(sortedLatenciesMs, 0.50), 1);
        summary["latency_ms_p95"] = Math.Round(Percentile(sortedLatenciesMs, 0.95), 1);
        return summary;
    }

    /// <summary>For each gold fact, the rank (from 1) of the first passage holding it; null where none does.</summary>
    public static int?[] FactRanks(GoldQuestion question, IReadOnlyList<string> passages)
    {
        var texts = passages.Select(Squash).ToArray();
        return Facts(question).Select(f => Array.FindIndex(texts, t => t.Contains(f, StringComparison.Ordinal)) is var i and >= 0 ? i + 1 : (int?)null).ToArray();
    }

    /// <summary>Whether the question has something to find: evidence facts, or a gold answer.</summary>
    public static bool IsScorable(GoldQuestion question) => Facts(question).Length > 0;

    /// <summary>The question's gold facts as matched: squashed, distinct (its gold answer when it has no evidence).</summary>
    public static string[] Facts(GoldQuestion question) =>
        (question.Facts.Count > 0 ? question.Facts : Answerable(question.Answer) ? [question.Answer!] : [])
            .Select(Squash).Where(f => f.Length > 0).Distinct().ToArray();

    private double Share(double sum) => _questions == 0 ? 0 : Math.Round(sum / _questions, 4);

    private static bool Answerable(string? answer) =>
        !string.IsNullOrWhiteSpace(answer) && !answer.StartsWith("Insufficient information", StringComparison.OrdinalIgnoreCase);

    public static double Percentile(IReadOnlyList<double> sorted, double p) =>
        sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

    public static string Squash(string text) => text.Replace(" ", "").Replace("\n", "");
}
