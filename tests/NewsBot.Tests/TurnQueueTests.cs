using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using NewsBot.Core.Answering;
using NewsBot.Hosting;
using NewsBot.Testing;
using Newtonsoft.Json.Linq;
using Xunit;

namespace NewsBot.Tests;

/// <summary>
/// When more readers ask at once than the bot answers at once, the others wait their turn in the order they asked,
/// and a reader beyond the waiting room is told at once to try again shortly, not left hanging.
/// </summary>
public sealed class TurnQueueTests : IDisposable
{
    private readonly TempDirectory _data = new();

    [Fact]
    public async Task Questions_beyond_those_answered_at_once_wait_in_the_order_asked_and_past_the_queue_are_told_to_retry()
    {
        var answerer = new HeldAnswerer();
        await using var bot = new BotHost(_data.Path, new Dictionary<string, string?>
        {
            ["Bot:SeedSampleNews"] = "false",
            ["RateLimits:Enabled"] = "false",
            ["Bot:MaxConcurrentTurns"] = "1",
            ["Bot:MaxQueuedTurns"] = "1",
        }, services => services.AddSingleton<INewsAnswerer>(answerer));
        var gate = bot.Services.GetRequiredService<TurnGate>();

        var first = bot.RepliesAsync(BotHost.Message("What did the harbour council decide about the ferry?", conversation: "reader-1"));
        await Until(() => !answerer.Asked.IsEmpty);
        var second = bot.RepliesAsync(BotHost.Message("Who opened the new library in Eastfield?", conversation: "reader-2"));
        await Until(() => gate.Waiting == 1);

        using var client = bot.CreateClient();
        var third = BotHost.Message("What happened to the Northern Rail strike?", conversation: "reader-3");
        third["deliveryMode"] = "expectReplies";
        using var refused = await client.PostAsync("/api/messages", new StringContent(third.ToString(), Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(1), refused.Headers.RetryAfter?.Delta);
        Assert.Contains("try again in a second", (string?)JObject.Parse(await refused.Content.ReadAsStringAsync())["error"], StringComparison.Ordinal);

        Assert.Single(answerer.Asked); // the second waits while the first is answered
        answerer.Release.SetResult();
        Assert.Contains(await first, r => ((string?)r["text"] ?? "").Contains("ferry", StringComparison.Ordinal));
        Assert.Contains(await second, r => ((string?)r["text"] ?? "").Contains("library", StringComparison.Ordinal));
        Assert.Equal(["What did the harbour council decide about the ferry?", "Who opened the new library in Eastfield?"], answerer.Asked);
    }

    public void Dispose() => _data.Dispose();

    private static async Task Until(Func<bool> condition)
    {
        for (var waited = 0; !condition(); waited += 20)
        {
            Assert.True(waited < 30_000, "timed out");
            await Task.Delay(20);
        }
    }

    /// <summary>Answers each question with its own words once released; records the order it was asked in.</summary>
    private sealed class HeldAnswerer : INewsAnswerer
    {
        public ConcurrentQueue<string> Asked { get; } = new();

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public bool Streams => false;

        public async Task<Answer> AnswerAsync(AnswerRequest request, Func<string, CancellationToken, Task>? onText = null, CancellationToken cancellationToken = default)
        {
            Asked.Enqueue(request.Question);
            await Release.Task.WaitAsync(cancellationToken);
            return new Answer($"Answer to: {request.Question}", [], Declined: false, request.Question);
        }
    }
}
