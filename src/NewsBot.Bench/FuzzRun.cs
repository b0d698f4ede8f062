using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace NewsBot.Bench;

/// <summary>
/// Sends <see cref="FuzzCases"/> to the bot over loopback, bounded in count and time, and prints how it answered:
/// responses by status, any of 500 or more, whether the process is still up, and its memory before and after.
/// </summary>
public static class FuzzRun
{
    public static async Task<int> RunAsync(BotUnderTest bot, BenchOptions options)
    {
        using var sink = Sink.Start();
        using var http = new HttpClient { BaseAddress = new Uri(bot.Url), Timeout = TimeSpan.FromSeconds(30) };
        var deadline = Stopwatch.StartNew();
        var limit = TimeSpan.FromSeconds(options.Seconds > 0 ? options.Seconds : 300);
        var (token, conversation) = await StartConversationAsync(http);
        await WarmUpAsync(http, sink.Url);
        var rssBefore = bot.RssMegabytes();

        var statuses = new SortedDictionary<int, int>();
        var failures = new List<string>();
        var cases = FuzzCases.Messages(seed: 1, options.Count, sink.Url).Select(c => ("messages", c))
            .Concat(FuzzCases.DirectLine(seed: 2, options.Count, token, conversation).Select(c => ("directline", c)));
        foreach (var (kind, request) in cases)
        {
            if (deadline.Elapsed > limit)
            {
                break;
            }

            using var message = new HttpRequestMessage(request.Method, request.Path);
            if (request.Body is not null)
            {
                message.Content = new StringContent(request.Body, Encoding.UTF8, "application/json");
            }

            if (request.Bearer is not null)
            {
                message.Headers.TryAddWithoutValidation("Authorization", "Bearer " + request.Bearer);
            }

            int status;
            try
            {
                using var response = await http.SendAsync(message);
                status = (int)response.StatusCode;
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                status = 0;
            }

            statuses[status] = statuses.GetValueOrDefault(status) + 1;
            if (status is 0 or >= 500 && failures.Count < 10)
            {
                failures.Add($"{kind} {request.Method} {request.Path} -> {status}: {Shorten(request.Body)}");
            }
        }

        await Task.Delay(2000); // Let background turns finish before memory is read.
        var rssAfter = bot.RssMegabytes();
        var sent = statuses.Values.Sum();
        var errors = statuses.Where(s => s.Key is 0 or >= 500).Sum(s => s.Value);
        Console.WriteLine($"fuzz: {sent} requests in {deadline.Elapsed.TotalSeconds:F0} s; responses {string.Join(", ", statuses.Select(s => $"{s.Key}: {s.Value}"))}");
        Console.WriteLine($"fuzz: responses >= 500 or no response: {errors}; bot still running: {bot.IsRunning}; RSS {rssBefore:F0} MB -> {rssAfter:F0} MB (+{rssAfter - rssBefore:F0} MB)");
        foreach (var failure in failures)
        {
            Console.WriteLine("  " + failure);
        }

        return errors == 0 && bot.IsRunning && rssAfter - rssBefore < 50 ? 0 : 1;
    }

    private static async Task<(string Token, string Conversation)> StartConversationAsync(HttpClient http)
    {
        using var tokenResponse = await http.PostAsync("/api/directline/token", null);
        var token = (string)JsonNode.Parse(await tokenResponse.Content.ReadAsStringAsync())!["token"]!;
        using var start = new HttpRequestMessage(HttpMethod.Post, "/v3/directline/conversations");
        start.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var started = await http.SendAsync(start);
        return (token, (string)JsonNode.Parse(await started.Content.ReadAsStringAsync())!["conversationId"]!);
    }

    /// <summary>A few real turns first, so memory the bot takes once (the model, the vectors) is not counted as growth.</summary>
    private static async Task WarmUpAsync(HttpClient http, string sink)
    {
        foreach (var text in new[] { "Where will NATO open its liaison office?", "help", "what's new", "sources" })
        {
            var activity = new JsonObject
            {
                ["type"] = "message", ["serviceUrl"] = sink, ["deliveryMode"] = "expectReplies", ["text"] = text,
                ["from"] = new JsonObject { ["id"] = "warm-up" }, ["conversation"] = new JsonObject { ["id"] = "warm-up" },
            };
            using var response = await http.PostAsync("/api/messages", new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json"));
        }
    }

    private static string Shorten(string? text) => text is null ? "(no body)" : text.Length > 120 ? text[..120] + "…" : text;

    /// <summary>A loopback listener that accepts whatever the bot sends as a channel would.</summary>
    private sealed class Sink : IDisposable
    {
        private readonly HttpListener _listener = new();

        private Sink(int port)
        {
            Url = $"http://127.0.0.1:{port}/";
            _listener.Prefixes.Add(Url);
        }

        public string Url { get; }

        public static Sink Start()
        {
            var port = new Random().Next(20_000, 60_000);
            var sink = new Sink(port);
            sink._listener.Start();
            _ = Task.Run(sink.ServeAsync);
            return sink;
        }

        private async Task ServeAsync()
        {
            while (_listener.IsListening)
            {
                try
                {
                    var context = await _listener.GetContextAsync();
                    context.Response.ContentType = "application/json";
                    var body = Encoding.UTF8.GetBytes("{\"id\":\"sink\"}");
                    await context.Response.OutputStream.WriteAsync(body);
                    context.Response.Close();
                }
                catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
                {
                    return;
                }
            }
        }

        public void Dispose() => _listener.Close();
    }
}
