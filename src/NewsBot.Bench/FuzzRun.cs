using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace NewsBot.Bench;

/// <summary>
/// Sends <see cref="FuzzCases"/> and <see cref="FuzzHostileCases"/> to the bot over loopback, bounded in count and
/// time; then bad bearer tokens to a second bot that has app credentials; then lets conversations whose channel
/// answers 500 follow a topic that gets news (<see cref="FuzzProactivePhase"/>). Prints responses by status, any of
/// 500 or more, "Unhandled error" lines, the failing channel's attempts and the CPU they cost, and memory.
/// </summary>
public static class FuzzRun
{
    /// <summary>Settings of the bot under fuzz: alerts checked every second, so the proactive phase sees many rounds.</summary>
    public static readonly IReadOnlyDictionary<string, string> BotSettings = new Dictionary<string, string>
    {
        ["NEWSBOT_Alerts__PollSeconds"] = "1",
        ["NEWSBOT_Alerts__MinimumIntervalMinutes"] = "0",
        ["NEWSBOT_Logging__LogLevel__NewsBot.Alerts"] = "Warning",
    };

    public static async Task<int> RunAsync(BotUnderTest bot, BenchOptions options)
    {
        using var sink = FuzzSink.Start();
        using var http = new HttpClient { BaseAddress = new Uri(bot.Url), Timeout = TimeSpan.FromSeconds(30) };
        var limit = TimeSpan.FromSeconds(options.Seconds > 0 ? options.Seconds : 300);
        var (token, conversation) = await StartConversationAsync(http);
        await WarmUpAsync(http, sink.Url);
        var rssBefore = bot.RssMegabytes();

        var open = await FuzzTally.SendAsync(http, limit,
            FuzzCases.Messages(seed: 1, options.Count, sink.Url).Select(c => ("messages", c))
                .Concat(FuzzCases.DirectLine(seed: 2, options.Count, token, conversation).Select(c => ("directline", c)))
                .Concat(FuzzHostileCases.Messages(seed: 3, options.Count, sink.Url).Select(c => ("hostile", c))));
        await Task.Delay(2000); // Let background turns finish before memory is read.
        var rssAfter = bot.RssMegabytes();
        Console.WriteLine($"fuzz: {open.Sent} requests in {open.Elapsed.TotalSeconds:F0} s; responses {open.Statuses}");
        Console.WriteLine($"fuzz: responses >= 500 or no response: {open.Errors}; \"Unhandled error\" log lines: {bot.UnhandledErrors}; bot still running: {bot.IsRunning}; RSS {rssBefore:F0} MB -> {rssAfter:F0} MB (+{rssAfter - rssBefore:F0} MB)");
        open.PrintFailures();
        foreach (var excerpt in bot.Excerpts("Unhandled error"))
        {
            Console.WriteLine("  " + excerpt);
        }

        FuzzTally secured;
        await using (var withCredentials = await BotUnderTest.StartAsync(new Dictionary<string, string>(options.Settings)
        {
            ["NEWSBOT_RateLimits__Enabled"] = "true",
            ["MicrosoftAppType"] = "MultiTenant",
            ["MicrosoftAppId"] = "6f1b1d4e-0c55-4a3e-9f7e-4b2d7c1e9a10",
            ["MicrosoftAppPassword"] = "not-a-real-secret",
        }))
        {
            using var securedHttp = new HttpClient { BaseAddress = new Uri(withCredentials.Url), Timeout = TimeSpan.FromSeconds(30) };
            secured = await FuzzTally.SendAsync(securedHttp, limit, FuzzHostileCases.BadTokens(seed: 4, options.Count, sink.Url).Select(c => ("tokens", c)));
            Console.WriteLine($"fuzz, with app credentials: {secured.Sent} requests with bad or no tokens in {secured.Elapsed.TotalSeconds:F0} s; responses {secured.Statuses}; error lines: {withCredentials.LinesContaining("fail")}");
            secured.PrintFailures();
        }

        var proactive = await FuzzProactivePhase.RunAsync(bot, http, TimeSpan.FromSeconds(30));
        Console.WriteLine($"fuzz, channel answering 500: {proactive.Conversations} conversations, {proactive.Attempts} send attempts in {proactive.Duration.TotalSeconds:F0} s "
            + $"({(double)proactive.Attempts / proactive.Conversations:F1} each; one a second each without back-off), bot CPU {proactive.Cores:F2} cores, "
            + $"warnings: {bot.LinesContaining("Could not send")} 'Could not send' lines");

        var passed = open.Errors == 0 && secured.Errors == 0 && bot.UnhandledErrors == 0 && bot.IsRunning && rssAfter - rssBefore < 50
            && proactive.Attempts <= proactive.Conversations * proactive.Duration.TotalSeconds / 3;
        Console.WriteLine(passed ? "fuzz: passed" : "fuzz: FAILED");
        return passed ? 0 : 1;
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
                ["type"] = "message", ["channelId"] = "emulator", ["serviceUrl"] = sink, ["deliveryMode"] = "expectReplies", ["text"] = text,
                ["from"] = new JsonObject { ["id"] = "warm-up" }, ["conversation"] = new JsonObject { ["id"] = "warm-up" },
            };
            using var response = await http.PostAsync("/api/messages", new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json"));
        }
    }
}
