using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NewsBot.Core.Chunking;
using NewsBot.Core.Embeddings;
using NewsBot.Core.Ingestion;
using NewsBot.Providers;

namespace NewsBot.Bench;

/// <summary>
/// Ingest end to end (read, chunk, embed with the local model, store, record stories) into a fresh embedded store,
/// against the embedding model's own rate on the same passages in the same run (each passage and its sentences, in
/// the same batches as the ingest's: whole articles until 32 passages): the ratio says how much of ingest is the model. The machine's
/// speed drifts by several percent within a minute, so the two are measured in turns: the articles are ingested in
/// <see cref="Rounds"/> parts, each part's passages through the model alone just before and again just after the part
/// is ingested (the mean of the two cancels a drift that is steady across the part), and the ratio is the model's total
/// time over the ingest's. Articles are generated (news-like sentences written for the benchmark), so the run needs nothing
/// outside the repository.
/// </summary>
public static class IngestRun
{
    public static async Task<int> RunAsync(BenchOptions options)
    {
        var count = options.Count is 1000 ? 300 : options.Count;
        var data = Path.Combine(Path.GetTempPath(), "newsbot-bench-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(data);
        try
        {
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["VectorStore:DataDirectory"] = data }).Build();
            await using var services = new ServiceCollection().AddLogging().AddNewsBot(configuration).BuildServiceProvider();

            // The model alone on the same passages, warmed up first.
            var embedder = services.GetRequiredService<NewsEmbedder>();
            var chunker = services.GetRequiredService<PassageChunker>();
            var parts = new List<(string File, List<string[]> Batches)>();
            foreach (var (part, index) in Enumerable.Range(0, count).Chunk((count + Rounds - 1) / Rounds).Select((p, i) => (p, i)))
            {
                var file = Path.Combine(data, $"articles-{index}.jsonl");
                await File.WriteAllLinesAsync(file, part.Select(Article));
                var articles = new List<string[]>();
                await foreach (var item in new JsonArticleReader().ReadAsync(file, CancellationToken.None))
                {
                    articles.Add([.. chunker.Chunk(item.Article!).Select(p => p.Text)]);
                }

                parts.Add((file, BatchesAsIngestMakesThem(articles)));
            }

            await embedder.EmbedForIndexAsync(parts[0].Batches[0].Take(8).ToArray(), CancellationToken.None);
            var pipeline = services.GetRequiredService<IngestionPipeline>();
            var warmUp = Path.Combine(data, "warm-up.jsonl");
            await File.WriteAllLinesAsync(warmUp, Enumerable.Range(count, WarmUpArticles).Select(Article));
            await pipeline.IngestAsync([warmUp]);
            var (passages, ingestTime, embeddingTime, modelTime) = (0, TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero);
            var partRatios = new List<double>();
            foreach (var (file, batches) in parts)
            {
                var before = await ModelAloneAsync(embedder, batches);
                var report = await pipeline.IngestAsync([file]);
                var after = await ModelAloneAsync(embedder, batches);
                var model = (before + after) / 2;
                partRatios.Add(Math.Round(model / report.Elapsed, 3));
                (passages, ingestTime, embeddingTime, modelTime) = (passages + report.PassagesEmbedded, ingestTime + report.Elapsed, embeddingTime + report.EmbeddingTime, modelTime + model);
            }

            var rate = passages / ingestTime.TotalSeconds;
            var modelRate = parts.Sum(p => p.Batches.Sum(b => b.Length)) / modelTime.TotalSeconds;
            var row = new IngestRow(passages, Math.Round(rate, 1), Math.Round(modelRate, 1), Math.Round(rate / modelRate, 3))
            {
                seconds = Math.Round(ingestTime.TotalSeconds, 1),
                embedding_seconds = Math.Round(embeddingTime.TotalSeconds, 1),
            };
            Console.WriteLine($"ingest: {count} articles, {row.passages} passages in {Rounds} parts: {row.passages_per_s} passages/s end to end, model alone {row.model_passages_per_s} passages/s (in turns with the ingest), ratio {row.ingest_ratio} (parts: {string.Join(", ", partRatios)}); {row.seconds:F1} s, of which embedding {row.embedding_seconds:F1} s");
            Console.WriteLine(JsonSerializer.Serialize(row));
            if (options.Output is not null)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(options.Output))!);
                await File.WriteAllTextAsync(options.Output, JsonSerializer.Serialize(row) + "\n");
                BenchCharts.IngestRate([row], Path.ChangeExtension(options.Output, ".png"));
            }

            return 0;
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    /// <summary>Articles ingested before the timing starts, as the model is warmed before its own timing.</summary>
    private const int WarmUpArticles = 100;

    /// <summary>The ingest is measured in this many parts, each beside the model alone on its passages.</summary>
    private const int Rounds = 6;

    /// <summary>The model alone's time on the passages (and their sentences), in the same batches as the ingest's.</summary>
    private static async Task<TimeSpan> ModelAloneAsync(NewsEmbedder embedder, List<string[]> batches)
    {
        var model = Stopwatch.StartNew();
        foreach (var batch in batches)
        {
            await embedder.EmbedForIndexAsync(batch, CancellationToken.None);
        }

        return model.Elapsed;
    }

    /// <summary>Whole articles' passages gathered until a batch has <see cref="IngestionPipeline.EmbedBatchPassages"/>, as the ingest gathers them.</summary>
    private static List<string[]> BatchesAsIngestMakesThem(List<string[]> articles)
    {
        var batches = new List<string[]>();
        var pending = new List<string>();
        foreach (var passages in articles)
        {
            pending.AddRange(passages);
            if (pending.Count >= IngestionPipeline.EmbedBatchPassages)
            {
                batches.Add([.. pending]);
                pending.Clear();
            }
        }

        if (pending.Count > 0)
        {
            batches.Add([.. pending]);
        }

        return batches;
    }

    private static readonly string[] Places = ["Port Alder", "Millbrook", "Ostrel", "Harbour City", "Kellmouth", "Quayside", "North Vale", "Easthaven"];
    private static readonly string[] Subjects = ["council", "tram operator", "hospital board", "port authority", "school district", "water company", "rail union", "housing trust"];
    private static readonly string[] Verbs = ["approved", "delayed", "rejected", "announced", "proposed", "cut", "doubled", "reviewed"];
    private static readonly string[] Things = ["a new budget", "the eastern line", "a pay offer", "the flood defences", "a housing plan", "the ferry timetable", "a bridge repair", "the night buses"];

    /// <summary>A generated article of 8 to 20 sentences about one place, subject and plan.</summary>
    private static string Article(int i)
    {
        var random = new Random(i);
        string Pick(string[] words) => words[random.Next(words.Length)];
        var (place, subject, thing) = (Pick(Places), Pick(Subjects), Pick(Things));
        var sentences = Enumerable.Range(0, random.Next(8, 21)).Select(s =>
            $"The {Pick(Subjects)} in {place} {Pick(Verbs)} {Pick(Things)} on day {s + 1}, after {random.Next(2, 90)} residents wrote to the {subject}, which said {thing} would cost {random.Next(1, 40)} million.");
        return JsonSerializer.Serialize(new
        {
            id = $"bench-{i}",
            title = $"{place} {subject} {Pick(Verbs)} {thing}",
            source = $"Bench Courier {i % 5}",
            published_at = new DateTimeOffset(2026, 11, 1, 8, 0, 0, TimeSpan.Zero).AddHours(i).ToString("O"),
            body = string.Join(' ', sentences),
        });
    }
}

/// <summary>The ingest figures, as written to docs/benchmarks/ingest.json.</summary>
#pragma warning disable IDE1006, SA1300 // JSON field names as the issue gives them.
public sealed record IngestRow(int passages, double passages_per_s, double model_passages_per_s, double ingest_ratio)
{
    /// <summary>The ingest's wall time, and the part of it spent in embedding calls (the rest is reading, chunking and storing not overlapped with the model).</summary>
    public double seconds { get; init; }

    public double embedding_seconds { get; init; }
}
#pragma warning restore IDE1006, SA1300
