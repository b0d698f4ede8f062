using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using NewsBot.Core.Answering;
using NewsBot.Testing;
using Newtonsoft.Json.Linq;
using Xunit;

namespace NewsBot.Tests;

/// <summary>A failure inside a turn is logged and apologised for to the user, with no exception text in any reply; the host keeps serving.</summary>
public sealed class TurnErrorTests : IDisposable
{
    private readonly TempDirectory _data = new();

    [Theory]
    [InlineData("emulator")]
    [InlineData("msteams")]
    public async Task A_failing_turn_gets_an_apology_without_its_exception_text_and_the_next_turn_works(string channel)
    {
        var answerer = new FailingAnswerer();
        await using var bot = new BotHost(_data.Path);
        using var failing = bot.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<INewsAnswerer>(answerer)));
        var host = new BotClient(failing);

        var replies = await host.RepliesAsync(BotHost.Message("Who won the coastal football league?", channel: channel));
        var next = await host.RepliesAsync(BotHost.Message("help", channel: channel));

        Assert.Contains(replies, r => ((string?)r["text"] ?? "").StartsWith("Sorry, something went wrong", StringComparison.Ordinal));
        Assert.DoesNotContain(replies, r => (string?)r["type"] == "trace");
        Assert.DoesNotContain(replies, r => r.ToString().Contains("/var/lib/newsbot", StringComparison.Ordinal) || r.ToString().Contains("on fire", StringComparison.Ordinal));
        Assert.Contains("every answer cites its sources", (string?)next[^1]["text"], StringComparison.Ordinal);
    }

    public void Dispose() => _data.Dispose();

    private sealed class FailingAnswerer : INewsAnswerer
    {
        public bool Streams => false;

        public Task<Answer> AnswerAsync(AnswerRequest request, Func<string, CancellationToken, Task>? onText = null, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException("the model server is on fire: /var/lib/newsbot/newsbot.db is locked");
    }

    private sealed class BotClient(Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> factory)
    {
        public async Task<JObject[]> RepliesAsync(JObject activity)
        {
            activity["deliveryMode"] = "expectReplies";
            using var client = factory.CreateClient();
            using var response = await client.PostAsync("/api/messages", new StringContent(activity.ToString(), System.Text.Encoding.UTF8, "application/json"));
            return JObject.Parse(await response.Content.ReadAsStringAsync())["activities"]!.Children<JObject>().ToArray();
        }
    }
}
