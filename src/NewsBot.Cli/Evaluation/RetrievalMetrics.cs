namespace NewsBot.Cli.Evaluation;

/// <summary>
/// The MultiHop-RAG retrieval metrics: a passage is relevant when a gold fact is a substring of it once spaces and
/// newlines are removed from both.
/// </summary>
internal sealed class RetrievalMetrics
{
    private int _questions;
    private double _hits10;
    private double _hits4;
    private double _mrr10;
    private double _map10;
    private double _all10;

    public void Add(GoldQuestion question, IReadOnlyList<string> passages)
    {
        var facts = question.Facts.Select(Squash).Distinct().ToArray();
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

    public object Summary(IReadOnlyList<double> sortedLatenciesMs) => new
    {
        questions = _questions,
        hits_at_10 = Math.Round(_hits10 / _questions, 4),
        hits_at_4 = Math.Round(_hits4 / _questions, 4),
        mrr_at_10 = Math.Round(_mrr10 / _questions, 4),
        map_at_10 = Math.Round(_map10 / _questions, 4),
        all_at_10 = Math.Round(_all10 / _questions, 4),
        latency_ms_p50 = Math.Round(Percentile(sortedLatenciesMs, 0.50), 1),
        latency_ms_p95 = Math.Round(Percentile(sortedLatenciesMs, 0.95), 1),
    };

    public static double Percentile(IReadOnlyList<double> sorted, double p) =>
        sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

    private static string Squash(string text) => text.Replace(" ", "").Replace("\n", "");
}
