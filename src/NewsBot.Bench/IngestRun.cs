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
/// batches of about 32 passages as ingest makes them; measured before and after the ingest, their mean): the ratio
/// says how much of ingest is the model. Articles are generated (news-like sentences written for the benchmark), so the run needs nothing
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
            var input = Path.Combine(data, "articles.jsonl");
            await File.WriteAllLinesAsync(input, Enumerable.Range(0, count).Select(Article));
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["VectorStore:DataDirectory"] = data }).Build();
            await using var services = new ServiceCollection().AddLogging().AddNewsBot(configuration).BuildServiceProvider();

            // The model alone on the same passages, warmed up first.
            var embedder = services.GetRequiredService<NewsEmbedder>();
            var chunker = services.GetRequiredService<PassageChunker>();
            var texts = new List<string>();
            await foreach (var item in new JsonArticleReader().ReadAsync(input, CancellationToken.None))
            {
                texts.AddRange(chunker.Chunk(item.Article!).Select(p => p.Text));
            }

            await embedder.EmbedForIndexAsync(texts.Take(8).ToArray(), CancellationToken.None);
            var modelBefore = await ModelAloneAsync(embedder, texts);
            var report = await services.GetRequiredService<IngestionPipeline>().IngestAsync([input]);
            var modelAfter = await ModelAloneAsync(embedder, texts);

            // The model's rate drifts by several percent over a minute on a shared machine: measured on both sides of
            // the ingest, and their mean is what the ingest is compared with.
            var modelRate = (modelBefore + modelAfter) / 2;
            var rate = report.PassagesEmbedded / report.Elapsed.TotalSeconds;
            var row = new IngestRow(report.PassagesEmbedded, Math.Round(rate, 1), Math.Round(modelRate, 1), Math.Round(rate / modelRate, 3))
            {
                seconds = Math.Round(report.Elapsed.TotalSeconds, 1),
                embedding_seconds = Math.Round(report.EmbeddingTime.TotalSeconds, 1),
            };
            Console.WriteLine($"ingest: {count} articles, {row.passages} passages: {row.passages_per_s} passages/s end to end, model alone {row.model_passages_per_s} passages/s ({modelBefore:F1} before, {modelAfter:F1} after), ratio {row.ingest_ratio}; {report.Elapsed.TotalSeconds:F1} s, of which embedding {report.EmbeddingTime.TotalSeconds:F1} s");
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

    /// <summary>Passages per second of the model alone on the same passages (and their sentences), in batches of 32 as ingest makes them.</summary>
    private static async Task<double> ModelAloneAsync(NewsEmbedder embedder, List<string> texts)
    {
        var model = Stopwatch.StartNew();
        foreach (var batch in texts.Chunk(32))
        {
            await embedder.EmbedForIndexAsync(batch, CancellationToken.None);
        }

        return texts.Count / model.Elapsed.TotalSeconds;
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
