using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using NewsBot.Core.Articles;
using NewsBot.Core.Chunking;
using NewsBot.Core.Storage;
using NewsBot.Embeddings.Local;
using NewsBot.Store.Embedded;

namespace NewsBot.Bench;

/// <summary>
/// The bot's memory holding a large store: an embedded store is filled with N synthetic passages (generated text,
/// random unit vectors under the local model's id, 10 passages per article; no embedding, so a 100k store is
/// written in minutes), then the bot is started on it and asked the sample questions for a while (every question
/// searches all the vectors). Prints the writer's and the bot's peak RSS. With <c>--archive DIR</c>, the bot starts on
/// the store already in DIR (e.g. the search benchmark's archive of millions, with its graph) and nothing is written
/// or deleted.
/// </summary>
public static class MemoryRun
{
    private const int PassagesPerArticle = 10;

    public static async Task<int> RunAsync(BenchOptions options)
    {
        var passages = options.Passages.Count > 0 ? options.Passages[0] : 100_000;
        var data = options.Archive ?? Path.Combine(Path.GetTempPath(), "newsbot-bench-memory-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            var writing = Stopwatch.StartNew();
            if (options.Archive is null)
            {
                await FillAsync(data, passages);
            }
            else
            {
                using var archive = new EmbeddedNewsStore(data);
                passages = (int)(await archive.GetStatsAsync()).Passages;
            }

            Process.GetCurrentProcess().Refresh();
            var writerRss = Process.GetCurrentProcess().PeakWorkingSet64 / 1024.0 / 1024.0;
            Console.WriteLine(options.Archive is not null ? $"memory: the store in {data} holds {passages:N0} passages" : $"memory: wrote {passages:N0} passages in {writing.Elapsed.TotalSeconds:0} s, writer peak RSS {writerRss:0} MB");

            await using var bot = await BotUnderTest.StartAsync(new Dictionary<string, string>
            {
                ["NEWSBOT_VectorStore__DataDirectory"] = data,
                ["NEWSBOT_Bot__SeedSampleNews"] = "false",
            });
            var questions = File.ReadLines(Path.Combine(BotUnderTest.RepositoryRoot(), "samples", "questions.jsonl"))
                .Select(l => (string?)JsonNode.Parse(l)?["query"]).OfType<string>().ToArray();
            using var http = new HttpClient { BaseAddress = new Uri(bot.Url), Timeout = TimeSpan.FromSeconds(120) };
            var peak = bot.RssMegabytes();
            var peakPrivate = bot.PrivateMegabytes();
            var seconds = options.Seconds > 0 ? options.Seconds : 30;
            var clock = Stopwatch.StartNew();
            for (var i = 0; clock.Elapsed.TotalSeconds < seconds; i++)
            {
                var activity = new JsonObject
                {
                    ["type"] = "message", ["id"] = Guid.NewGuid().ToString("N"), ["channelId"] = "emulator", ["serviceUrl"] = "http://127.0.0.1:9/",
                    ["deliveryMode"] = "expectReplies", ["from"] = new JsonObject { ["id"] = "reader" }, ["recipient"] = new JsonObject { ["id"] = "newsbot" },
                    ["conversation"] = new JsonObject { ["id"] = $"memory-{i % 20}" }, ["text"] = questions[i % questions.Length],
                };
                using var response = await http.PostAsync("/api/messages", new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json"));
                peak = Math.Max(peak, bot.RssMegabytes());
                peakPrivate = Math.Max(peakPrivate, bot.PrivateMegabytes());
            }

            var row = new { passages, bot_peak_rss_mb = Math.Round(peak), bot_peak_private_mb = Math.Round(peakPrivate), writer_peak_rss_mb = Math.Round(writerRss) };
            Console.WriteLine($"memory: the bot holding {passages:N0} passages, asked for {seconds} s: peak RSS {row.bot_peak_rss_mb} MB ({row.bot_peak_private_mb} MB private)");
            Console.WriteLine(JsonSerializer.Serialize(row));
            if (options.Output is not null)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(options.Output))!);
                await File.WriteAllTextAsync(options.Output, JsonSerializer.Serialize(row) + "\n");
            }

            return bot.IsRunning ? 0 : 1;
        }
        finally
        {
            if (options.Archive is null && Directory.Exists(data))
            {
                Directory.Delete(data, recursive: true);
            }
        }
    }

    private static async Task FillAsync(string data, int passages)
    {
        var store = new EmbeddedNewsStore(data);
        var random = new Random(7);
        await SyntheticStore.FillAsync(store, passages, PassagesPerArticle, a => new Article
        {
            Id = $"memory-{a}",
            Title = $"Council report {a}",
            Body = $"The council in district {a % 97} discussed item {a}.",
            Source = $"Bench Courier {a % 7}",
            PublishedAt = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero).AddMinutes(a),
        }, (article, a, count) => Enumerable.Range(0, count).Select(p =>
        {
            var vector = new float[ArcticEmbeddingGenerator.Dimensions];
            for (var d = 0; d < vector.Length; d++)
            {
                vector[d] = (float)(random.NextDouble() - 0.5);
            }

            System.Numerics.Tensors.TensorPrimitives.Divide(vector, System.Numerics.Tensors.TensorPrimitives.Norm(vector), vector);
            var text = $"Council report {a} / Bench Courier\nThe council in district {a % 97} heard {p + 3} residents on item {a}, part {p}, and voted {random.Next(3, 12)} to {random.Next(0, 3)} on the plan.";
            return new IndexedPassage(new Passage(Passage.IdFor(article.Id, p), article.Id, p, text), vector);
        }).ToArray());
    }
}
