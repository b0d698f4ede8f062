using System.Diagnostics;
using System.Numerics.Tensors;
using System.Text.Json;
using System.Text.Json.Nodes;
using NewsBot.Core.Storage;
using NewsBot.Embeddings.Local;
using NewsBot.Store.Embedded;

namespace NewsBot.Bench;

/// <summary>
/// Search on the embedded store's in-memory vectors at several corpus sizes. Passages are synthetic: unit vectors
/// of the local model's size (384) with clustered structure (2,000 topics, each passage its topic's direction plus
/// noise), so nearest neighbours are as crowded as in news; queries are near a topic too. Each query's time
/// includes embedding a real question with the local model. Recall is the share of the exact top 10 (by a separate
/// brute-force sort in the same run) that the search returned. Writes one JSON row per size and a chart.
/// </summary>
public static class SearchRun
{
    internal const int Dimensions = 384;
    internal const int Topics = 2000;
    internal const int Queries = 200;
    internal const int Top = 10;

    public static async Task<int> RunAsync(BenchOptions options)
    {
        var sizes = options.Passages.Count > 0 ? options.Passages : [10_000, 100_000, 1_000_000];
        var questions = File.ReadLines(Path.Combine(BotUnderTest.RepositoryRoot(), "samples", "questions.jsonl"))
            .Select(l => (string?)JsonNode.Parse(l)?["query"]).OfType<string>().ToArray();
        using var model = new ArcticEmbeddingGenerator();
        await model.GenerateAsync(["warm up"]);
        var random = new Random(42);
        var topics = Enumerable.Range(0, Topics).Select(_ => UnitVector(random, null, 0)).ToArray();

        var rows = new List<SearchRow>();
        if (options.Archive is { } archive)
        {
            foreach (var size in sizes)
            {
                rows.AddRange(await ArchiveSearchRun.RunAsync(size, archive, options.KeepGraph, model, questions, topics));
            }

            sizes = [];
        }

        foreach (var size in sizes)
        {
            var before = Environment.WorkingSet;
            var snapshot = Snapshot(size, topics, random);
            var heldMb = (Environment.WorkingSet - before) / 1024.0 / 1024.0;
            var row = await MeasureAsync("embedded", size, heldMb, snapshot, query => snapshot.Search(query, SearchFilter.None, Top), model, questions, topics, random);
            rows.Add(row);
            Console.WriteLine($"search: embedded store, {size:N0} passages: p50 {row.p50_ms} ms, p95 {row.p95_ms} ms (query embedding included), recall@10 {row.recall_at_10}, vectors held {row.vectors_mb} MB; the search alone p50 {row.search_p50_ms} ms, p95 {row.search_p95_ms} ms");
            Console.WriteLine(JsonSerializer.Serialize(row));
            if (options.Hnsw)
            {
                rows.AddRange(await HnswRowsAsync(size, snapshot, model, questions, topics, random));
            }

            GC.KeepAlive(snapshot);
        }

        if (options.Output is not null)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(options.Output))!);
            await File.WriteAllTextAsync(options.Output, JsonSerializer.Serialize(rows, new JsonSerializerOptions { WriteIndented = true }) + "\n");
            var chart = Path.ChangeExtension(options.Output, ".png");
            BenchCharts.SearchLatency(rows.Where(r => r.store == "embedded").ToArray(), chart);
            Console.WriteLine($"wrote {options.Output} and {chart}");
        }

        return 0;
    }

    /// <summary>
    /// The same passages through the store's approximate index (<see cref="ApproximateIndex"/>, USearch's HNSW graph
    /// over int8 copies): its candidates re-scored exactly by the snapshot, against the exact top 10.
    /// </summary>
    private static async Task<SearchRow[]> HnswRowsAsync(int size, VectorSnapshot snapshot, ArcticEmbeddingGenerator model, string[] questions, float[][] topics, Random random)
    {
        var before = Environment.WorkingSet;
        var clock = Stopwatch.StartNew();
        using var graph = ApproximateIndex.Build(snapshot);
        var built = clock.Elapsed;
        var graphMb = (Environment.WorkingSet - before) / 1024.0 / 1024.0;
        var row = await MeasureAsync("hnsw", size, graphMb, snapshot, query => snapshot.Search(query, SearchFilter.None, Top, graph, NoFile), model, questions, topics, random) with
        {
            build_s = Math.Round(built.TotalSeconds, 1),
        };
        Console.WriteLine($"search: HNSW graph (int8), {size:N0} passages, built in {row.build_s} s: p50 {row.p50_ms} ms, p95 {row.p95_ms} ms (query embedding included), recall@10 {row.recall_at_10} after re-scoring its best {ApproximateIndex.Candidates}, graph {row.vectors_mb} MB; the search alone p50 {row.search_p50_ms} ms, p95 {row.search_p95_ms} ms");
        Console.WriteLine(JsonSerializer.Serialize(row));
        return [row, await ReloadedRowAsync(graph, size, snapshot, model, questions, topics, random)];
    }

    /// <summary>The graph written to a file and read back, as after a restart: the time to read it, and its searches.</summary>
    private static async Task<SearchRow> ReloadedRowAsync(ApproximateIndex graph, int size, VectorSnapshot snapshot, ArcticEmbeddingGenerator model, string[] questions, float[][] topics, Random random)
    {
        var path = Path.Combine(Path.GetTempPath(), $"newsbot-bench-{Guid.NewGuid():N}.hnsw");
        try
        {
            graph.Save(path, "bench");
            var clock = Stopwatch.StartNew();
            using var reloaded = ApproximateIndex.Load(path, "bench", Dimensions) ?? throw new InvalidOperationException("The saved graph did not read back.");
            var read = clock.Elapsed;
            var row = await MeasureAsync("hnsw, read back from its file", size, 0, snapshot, query => snapshot.Search(query, SearchFilter.None, Top, reloaded, NoFile), model, questions, topics, random) with
            {
                build_s = Math.Round(read.TotalSeconds, 1),
            };
            Console.WriteLine($"search: HNSW graph read back from its file in {row.build_s} s, {size:N0} passages: p50 {row.p50_ms} ms, p95 {row.p95_ms} ms, recall@10 {row.recall_at_10}; the search alone p50 {row.search_p50_ms} ms, p95 {row.search_p95_ms} ms");
            Console.WriteLine(JsonSerializer.Serialize(row));
            return row;
        }
        finally
        {
            File.Delete(path);
            File.Delete(path + ".json");
        }
    }

    /// <summary>
    /// <see cref="Queries"/> searches, each timed with a real question's embedding before it (and alone), and scored
    /// against the exact top 10.
    /// </summary>
    private static async Task<SearchRow> MeasureAsync(
        string store, int size, double megabytes, VectorSnapshot snapshot, Func<float[], IReadOnlyList<(long RowId, float Score)>> search,
        ArcticEmbeddingGenerator model, string[] questions, float[][] topics, Random random)
    {
        var latencies = new List<double>();
        var searchOnly = new List<double>();
        var recall = 0.0;
        for (var q = 0; q < Queries; q++)
        {
            var query = UnitVector(random, topics[random.Next(Topics)], 0.5f);
            var started = Stopwatch.GetTimestamp();
            await model.GenerateAsync([questions[q % questions.Length]]);
            var searching = Stopwatch.GetTimestamp();
            var found = search(query);
            latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            searchOnly.Add(Stopwatch.GetElapsedTime(searching).TotalMilliseconds);
            recall += Exact(snapshot, query).Intersect(found.Select(f => f.RowId)).Count() / (double)Top;
        }

        latencies.Sort();
        searchOnly.Sort();
        return new SearchRow(store, size, Percentile(latencies, 0.50), Percentile(latencies, 0.95), Math.Round(recall / Queries, 4), Math.Round(megabytes), Percentile(searchOnly, 0.50), Percentile(searchOnly, 0.95));
    }

    private static VectorSnapshot Snapshot(int size, float[][] topics, Random random)
    {
        var vectors = new float[(long)size * Dimensions];
        for (var i = 0; i < size; i++)
        {
            UnitVector(random, topics[random.Next(Topics)], 0.7f).CopyTo(vectors.AsSpan(i * Dimensions, Dimensions));
        }

        var rowIds = Enumerable.Range(1, size).Select(i => (long)i).ToArray();
        return new VectorSnapshot(1, 0, Dimensions, rowIds, vectors, new string?[size], new DateTimeOffset?[size]);
    }

    /// <summary>The exact top 10 by scoring every passage and sorting the scores, independent of the store's own search (and without allocating per passage, so it does not disturb the timed searches).</summary>
    private static IEnumerable<long> Exact(VectorSnapshot snapshot, float[] query)
    {
        var scores = new float[snapshot.Count];
        var rows = new long[snapshot.Count];
        var i = 0;
        foreach (var (rowId, score) in snapshot.AllScores(query))
        {
            (rows[i], scores[i]) = (rowId, -score);
            i++;
        }

        Array.Sort(scores, rows);
        return rows.Take(Top).ToArray();
    }

    /// <summary>A unit vector: random, or near <paramref name="around"/> with noise of the given size.</summary>
    internal static float[] UnitVector(Random random, float[]? around, float noise)
    {
        var vector = new float[Dimensions];
        for (var d = 0; d < Dimensions; d++)
        {
            var gaussian = (float)(Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble()));
            vector[d] = around is null ? gaussian : around[d] + (noise * gaussian / MathF.Sqrt(Dimensions));
        }

        var norm = TensorPrimitives.Norm(vector);
        TensorPrimitives.Divide(vector, norm, vector);
        return vector;
    }

    /// <summary>These snapshots hold every vector: nothing is read from a file.</summary>
    private static IReadOnlyDictionary<long, float[]> NoFile(IReadOnlyList<long> rowIds) => new Dictionary<long, float[]>();

    internal static double Percentile(List<double> sorted, double p) =>
        Math.Round(sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)], 2);
}

/// <summary>One corpus size's figures, as written to docs/benchmarks/search.json.</summary>
#pragma warning disable IDE1006, SA1300 // JSON field names as the issue gives them.
public sealed record SearchRow(string store, int passages, double p50_ms, double p95_ms, double recall_at_10, double vectors_mb, double search_p50_ms, double search_p95_ms)
{
    /// <summary>Seconds to build the index (the approximate rows; the exact search needs none).</summary>
    public double? build_s { get; init; }

    /// <summary>The process's resident memory after the searches (a store on disk: the archive rows), and its private part (RssAnon).</summary>
    public double? rss_mb { get; init; }

    public double? private_mb { get; init; }
}
#pragma warning restore IDE1006, SA1300
