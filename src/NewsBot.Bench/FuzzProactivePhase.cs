using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NewsBot.Core.Ingestion;
using NewsBot.Providers;

namespace NewsBot.Bench;

/// <summary>
/// Conversations whose channel answers 500 for ever follow a topic; news about it arrives; for a bounded time the
/// bench counts how often the bot still tries them, and what that costs in CPU. Sends must back off, then stop.
/// </summary>
public static class FuzzProactivePhase
{
    public const int Conversations = 200;

    public static async Task<ProactiveFigures> RunAsync(BotUnderTest bot, HttpClient http, TimeSpan duration)
    {
        using var failing = FuzzSink.Start(status: 500);
        for (var i = 0; i < Conversations; i++)
        {
            var follow = new JsonObject
            {
                ["type"] = "message", ["channelId"] = "msteams", ["serviceUrl"] = failing.Url, ["deliveryMode"] = "expectReplies",
                ["text"] = "follow harbour ferry", ["from"] = new JsonObject { ["id"] = "user-" + i }, ["conversation"] = new JsonObject { ["id"] = "failing-" + i },
            };
            using var response = await http.PostAsync("/api/messages", new StringContent(follow.ToJsonString(), Encoding.UTF8, "application/json"));
        }

        await IngestAboutTheTopicAsync(bot.DataDirectory);
        var cpuBefore = bot.CpuSeconds();
        var clock = Stopwatch.StartNew();
        await Task.Delay(duration);
        return new ProactiveFigures(Conversations, failing.Requests, (bot.CpuSeconds() - cpuBefore) / clock.Elapsed.TotalSeconds, clock.Elapsed);
    }

    /// <summary>A made-up article about the followed topic, stored in the running bot's data directory as a CLI ingest would.</summary>
    private static async Task IngestAboutTheTopicAsync(string dataDirectory)
    {
        var input = Path.Combine(dataDirectory, "fuzz-arrival.jsonl");
        var article = new JsonObject
        {
            ["id"] = "fuzz-harbour-ferry",
            ["title"] = "Harbour ferry adds a late sailing",
            ["source"] = "Harbour Times",
            ["published_at"] = DateTimeOffset.UtcNow.ToString("O"),
            ["url"] = "https://harbour-times.example/harbour-ferry-late-sailing",
            ["body"] = "The harbour ferry adds a late sailing at eleven on Fridays and Saturdays from next month, the operator said. The harbour ferry had ended its evening service at ten.",
        };
        await File.WriteAllTextAsync(input, article.ToJsonString() + "\n");
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["VectorStore:DataDirectory"] = dataDirectory }).Build();
        await using var services = new ServiceCollection().AddLogging().AddNewsBot(configuration).BuildServiceProvider();
        await services.GetRequiredService<IngestionPipeline>().IngestAsync([input]);
    }
}

/// <param name="Attempts">Requests the failing channel received in the measured time.</param>
/// <param name="Cores">CPU the bot used meanwhile, in cores (1.0 = one core busy).</param>
public sealed record ProactiveFigures(int Conversations, int Attempts, double Cores, TimeSpan Duration);
