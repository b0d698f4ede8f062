using System.Diagnostics;
using System.Numerics.Tensors;
using System.Text.Json;
using NewsBot.Core.Articles;
using NewsBot.Core.Chunking;
using NewsBot.Core.Storage;
using NewsBot.Embeddings.Local;
using NewsBot.Store.Embedded;

namespace NewsBot.Bench;

/// <summary>
/// The search benchmark on a store written to disk (<c>search --archive DIR</c>): the synthetic clustered passages of
/// <see cref="SearchRun"/> stored through the embedded store, and searched as the bot searches
/// (<see cref="EmbeddedNewsStore.VectorSearchAsync"/>: from a million passages its approximate index, built in the
/// background, and the vectors the graph holds left in the file). Reports the graph's build time, then the same after a
/// restart (the graph read back), each with latency (a real question's embedding included), recall@10 against the
/// exact top 10 and this process's memory. The exact top 10 comes from generating every passage's vector again (they
/// are seeded per article), so the store is never read for it.
/// </summary>
public static class ArchiveSearchRun
{
    private const int PassagesPerArticle = 1000;

    public static async Task<SearchRow[]> RunAsync(int size, string directory, bool keepGraph, ArcticEmbeddingGenerator model, string[] questions, float[][] topics)
    {
        var queryRandom = new Random(43);
        var queries = Enumerable.Range(0, SearchRun.Queries).Select(_ => SearchRun.UnitVector(queryRandom, topics[queryRandom.Next(SearchRun.Topics)], 0.5f)).ToArray();
        var writing = Stopwatch.StartNew();
        if (!await HoldsAsync(directory, size))
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }

            await WriteAsync(directory, size, topics);
            Console.WriteLine($"search: wrote {size:N0} passages to {directory} in {writing.Elapsed.TotalSeconds:0} s");
        }

        // The exact top 10 is kept beside the store (it takes minutes at 10M); the graph is built again unless asked to keep it.
        var exactFile = Path.Combine(directory, "bench-exact-top10.json");
        var exact = File.Exists(exactFile) ? JsonSerializer.Deserialize<string[][]>(await File.ReadAllTextAsync(exactFile))! : ExactTop(size, topics, queries);
        await File.WriteAllTextAsync(exactFile, JsonSerializer.Serialize(exact));
        var stages = new List<string> { "archive, restarted (graph read back)" };
        if (!keepGraph || !File.Exists(Path.Combine(directory, EmbeddedNewsStore.IndexFileName)))
        {
            File.Delete(Path.Combine(directory, EmbeddedNewsStore.IndexFileName));
            stages.Insert(0, "archive, graph built");
        }

        GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        var rows = new List<SearchRow>();
        foreach (var stage in stages)
        {
            using var store = new EmbeddedNewsStore(directory);
            var clock = Stopwatch.StartNew();
            await store.VectorSearchAsync(queries[0], SearchFilter.None, SearchRun.Top);
            await store.ApproximateIndexing;
            var ready = clock.Elapsed;
            var row = await MeasureAsync(stage, size, store, model, questions, queries, exact) with { build_s = Math.Round(ready.TotalSeconds, 1) };
            Console.WriteLine($"search: {stage}, {size:N0} passages, ready in {row.build_s} s: p50 {row.p50_ms} ms, p95 {row.p95_ms} ms (query embedding included), recall@10 {row.recall_at_10}; the search alone p50 {row.search_p50_ms} ms, p95 {row.search_p95_ms} ms; RSS {row.rss_mb} MB ({row.private_mb} MB private), {store.HeldVectors:N0} vectors held");
            Console.WriteLine(JsonSerializer.Serialize(row));
            rows.Add(row);
        }

        return [.. rows];
    }

    private static async Task<bool> HoldsAsync(string directory, int size)
    {
        if (!File.Exists(Path.Combine(directory, EmbeddedNewsStore.FileName)))
        {
            return false;
        }

        using var store = new EmbeddedNewsStore(directory);
        return (await store.GetStatsAsync()).Passages == size;
    }

    private static async Task WriteAsync(string directory, int size, float[][] topics)
    {
        using var store = new EmbeddedNewsStore(directory);
        await SyntheticStore.FillAsync(store, size, PassagesPerArticle, a => new Article
        {
            Id = $"archive-{a}",
            Title = $"Archive report {a}",
            Body = $"Archive report {a}.",
            Source = $"Archive Wire {a % 7}",
            PublishedAt = new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero).AddHours(a),
        }, (article, a, count) => Vectors(a, count, topics)
            .Select((vector, p) => new IndexedPassage(new Passage(Passage.IdFor(article.Id, p), article.Id, p, $"Archive passage {p} of report {a}."), vector)).ToArray());
    }

    /// <summary>The vectors of article <paramref name="article"/>'s passages: each near a random topic, seeded by the article.</summary>
    private static float[][] Vectors(int article, int count, float[][] topics)
    {
        var random = new Random(1_000_003 * (article + 1));
        return Enumerable.Range(0, count).Select(_ => SearchRun.UnitVector(random, topics[random.Next(SearchRun.Topics)], 0.7f)).ToArray();
    }

    /// <summary>Each query's exact top 10 passage ids, every passage's vector generated again and scored (articles split across the processors).</summary>
    private static string[][] ExactTop(int size, float[][] topics, float[][] queries)
    {
        var articles = (size + PassagesPerArticle - 1) / PassagesPerArticle;
        var merged = queries.Select(_ => new List<(float Score, string Id)>()).ToArray();
        Parallel.For(0, Environment.ProcessorCount, slice =>
        {
            var best = queries.Select(_ => new PriorityQueue<string, float>()).ToArray();
            for (var a = slice; a < articles; a += Environment.ProcessorCount)
            {
                var vectors = Vectors(a, Math.Min(PassagesPerArticle, size - (a * PassagesPerArticle)), topics);
                for (var p = 0; p < vectors.Length; p++)
                {
                    for (var q = 0; q < queries.Length; q++)
                    {
                        var score = TensorPrimitives.Dot(queries[q], vectors[p]);
                        if (best[q].Count < SearchRun.Top)
                        {
                            best[q].Enqueue(Passage.IdFor($"archive-{a}", p), score);
                        }
                        else if (best[q].TryPeek(out _, out var worst) && score > worst)
                        {
                            best[q].EnqueueDequeue(Passage.IdFor($"archive-{a}", p), score);
                        }
                    }
                }
            }

            lock (merged)
            {
                for (var q = 0; q < queries.Length; q++)
                {
                    merged[q].AddRange(best[q].UnorderedItems.Select(i => (i.Priority, i.Element)));
                }
            }
        });
        return merged.Select(m => m.OrderByDescending(s => s.Score).Take(SearchRun.Top).Select(s => s.Id).ToArray()).ToArray();
    }

    private static async Task<SearchRow> MeasureAsync(string stage, int size, EmbeddedNewsStore store, ArcticEmbeddingGenerator model, string[] questions, float[][] queries, string[][] exact)
    {
        var latencies = new List<double>();
        var searchOnly = new List<double>();
        var recall = 0.0;
        for (var q = 0; q < queries.Length; q++)
        {
            var started = Stopwatch.GetTimestamp();
            await model.GenerateAsync([questions[q % questions.Length]]);
            var searching = Stopwatch.GetTimestamp();
            var found = await store.VectorSearchAsync(queries[q], SearchFilter.None, SearchRun.Top);
            latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            searchOnly.Add(Stopwatch.GetElapsedTime(searching).TotalMilliseconds);
            recall += exact[q].Intersect(found.Select(f => f.PassageId)).Count() / (double)SearchRun.Top;
        }

        latencies.Sort();
        searchOnly.Sort();
        GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true); // what an earlier stage left is not counted
        return new SearchRow(stage, size, SearchRun.Percentile(latencies, 0.50), SearchRun.Percentile(latencies, 0.95), Math.Round(recall / queries.Length, 4), 0, SearchRun.Percentile(searchOnly, 0.50), SearchRun.Percentile(searchOnly, 0.95))
        {
            rss_mb = Math.Round(ProcessMemory.ResidentMegabytes()),
            private_mb = Math.Round(ProcessMemory.PrivateMegabytes()),
        };
    }
}
