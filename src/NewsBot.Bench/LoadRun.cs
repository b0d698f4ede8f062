using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace NewsBot.Bench;

/// <summary>
/// N conversations over loopback for a fixed time, each sending its next question as soon as the last is answered
/// (expectReplies): the sample questions repeated, or with --questions each question asked once (<see cref="LoadQuestions"/>).
/// Prints turns, errors, turns/s, p50/p95/p99 and the bot's memory; --output writes the same as JSON.
/// </summary>
public static class LoadRun
{
    public static async Task<int> RunAsync(BotUnderTest bot, BenchOptions options)
    {
        var questions = options.Questions is null ? LoadQuestions.Repeated() : await LoadQuestions.UnaskedAsync(options.Questions, options.Data is null ? null : bot.DataDirectory);
        var seconds = options.Seconds > 0 ? options.Seconds : 60;
        using var http = new HttpClient { BaseAddress = new Uri(bot.Url), Timeout = TimeSpan.FromSeconds(60) };
        http.DefaultRequestHeaders.ConnectionClose = false;
        var latencies = new ConcurrentBag<double>();
        var turns = new ConcurrentQueue<string>();
        var errors = 0;
        var clock = Stopwatch.StartNew();
        var end = TimeSpan.FromSeconds(seconds);
        var peakRss = bot.RssMegabytes();
        var peakPrivate = bot.PrivateMegabytes();
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                peakRss = Math.Max(peakRss, bot.RssMegabytes());
                peakPrivate = Math.Max(peakPrivate, bot.PrivateMegabytes());
                await Task.Delay(500);
            }
        });

        await Task.WhenAll(Enumerable.Range(0, options.Conversations).Select(c => Task.Run(async () =>
        {
            while (clock.Elapsed < end && questions.Next() is { } question)
            {
                var activity = new JsonObject
                {
                    ["type"] = "message",
                    ["id"] = Guid.NewGuid().ToString("N"),
                    ["channelId"] = "emulator",
                    ["serviceUrl"] = "http://127.0.0.1:9/",
                    ["deliveryMode"] = "expectReplies",
                    ["from"] = new JsonObject { ["id"] = $"reader-{c}" },
                    ["recipient"] = new JsonObject { ["id"] = "newsbot" },
                    ["conversation"] = new JsonObject { ["id"] = $"load-{c}" },
                    ["text"] = question,
                };
                var started = Stopwatch.GetTimestamp();
                try
                {
                    using var response = await http.PostAsync("/api/messages", new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json"));
                    if (!response.IsSuccessStatusCode)
                    {
                        Interlocked.Increment(ref errors);
                        continue;
                    }

                    await response.Content.ReadAsStringAsync();
                    var latency = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                    latencies.Add(latency);
                    turns.Enqueue(FormattableString.Invariant($"{(clock.Elapsed.TotalMilliseconds - latency):F0},{latency:F1},{question.Length}"));
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
                {
                    Interlocked.Increment(ref errors);
                }
            }
        })));
        var elapsed = clock.Elapsed.TotalSeconds;
        await sampling.CancelAsync();
        await sampler;

        var sorted = latencies.Order().ToArray();
        var row = new
        {
            conversations = options.Conversations,
            questions = questions.Unseen ? "unseen" : "repeated",
            questions_available = questions.Count,
            seconds = Math.Round(elapsed, 1),
            turns = sorted.Length,
            errors,
            turns_per_s = Math.Round(sorted.Length / elapsed, 1),
            p50_ms = Percentile(sorted, 0.50),
            p95_ms = Percentile(sorted, 0.95),
            p99_ms = Percentile(sorted, 0.99),
            rss_mb = Math.Round(peakRss),
            private_mb = Math.Round(peakPrivate),
        };
        var json = JsonSerializer.Serialize(row);
        if (questions.Unseen && questions.Asked >= questions.Count)
        {
            Console.WriteLine($"load: all {questions.Count} unseen questions were asked before the time was up");
        }

        Console.WriteLine($"load: {row.conversations} conversations, {row.questions} questions, {row.seconds} s: {row.turns} turns, {row.errors} errors, {row.turns_per_s} turns/s, p50 {row.p50_ms} ms, p95 {row.p95_ms} ms, p99 {row.p99_ms} ms, peak RSS {row.rss_mb} MB ({row.private_mb} MB private)");
        Console.WriteLine(json);
        if (options.Output is not null)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(options.Output))!);
            await File.WriteAllTextAsync(options.Output, json + "\n");
        }

        if (options.Turns is not null)
        {
            await File.WriteAllLinesAsync(options.Turns, turns.Prepend("started_ms,latency_ms,question_chars"));
        }

        return errors == 0 && bot.IsRunning ? 0 : 1;
    }

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? 0 : Math.Round(sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)], 1);
}
