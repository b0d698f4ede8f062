using ScottPlot;

namespace NewsBot.Bench;

/// <summary>The benchmark charts (ScottPlot), written beside their JSON rows.</summary>
public static class BenchCharts
{
    public static void SearchLatency(IReadOnlyList<SearchRow> rows, string path)
    {
        var plot = new Plot();
        var xs = rows.Select(r => Math.Log10(r.passages)).ToArray();
        var p50 = plot.Add.Scatter(xs, rows.Select(r => r.p50_ms).ToArray());
        p50.LegendText = "p50";
        var p95 = plot.Add.Scatter(xs, rows.Select(r => r.p95_ms).ToArray());
        p95.LegendText = "p95";
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(xs, rows.Select(r => r.passages.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)).ToArray());
        plot.Title("Embedded store: search latency per query (query embedding included)");
        plot.XLabel("passages");
        plot.YLabel("ms");
        plot.ShowLegend();
        plot.SavePng(path, 800, 450);
    }

    public static void IngestRate(IReadOnlyList<IngestRow> rows, string path)
    {
        var plot = new Plot();
        var labels = rows.Select((r, i) => (double)i).ToArray();
        var bars = plot.Add.Bars(labels, rows.Select(r => r.passages_per_s).ToArray());
        bars.LegendText = "end to end";
        var model = plot.Add.Scatter(labels, rows.Select(r => r.model_passages_per_s).ToArray());
        model.LegendText = "embedding model alone";
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(labels, rows.Select(r => $"{r.passages:N0} passages").ToArray());
        plot.Title("Ingest rate against the embedding model's own");
        plot.YLabel("passages/s");
        plot.ShowLegend();
        plot.SavePng(path, 800, 450);
    }
}
