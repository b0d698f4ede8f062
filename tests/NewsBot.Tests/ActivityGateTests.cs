using System.Net;
using System.Text;
using NewsBot.Testing;
using Newtonsoft.Json.Linq;
using Xunit;

namespace NewsBot.Tests;

/// <summary>
/// What reaches /api/messages is checked before the Bot Framework sees it: malformed activities get 400 with a
/// reason (never 500), an anonymous bot replies to this machine only, and bodies, questions and rates are bounded.
/// </summary>
public sealed class ActivityGateTests(ActivityGateTests.Host host) : IClassFixture<ActivityGateTests.Host>
{
    [Theory]
    [InlineData("""{"type":"message"}""", "conversation")]
    [InlineData("""{"type":"message","conversation":{"id":"c"},"text":"hi"}""", "serviceUrl")]
    [InlineData("""{"type":"message","conversation":{"id":"c"},"serviceUrl":"ftp://127.0.0.1/","text":"hi"}""", "serviceUrl")]
    [InlineData("""{"type":"message","conversation":{"id":"c"},"serviceUrl":"not a url","text":"hi"}""", "serviceUrl")]
    [InlineData("""{"type":"message","conversation":"c","serviceUrl":"http://127.0.0.1:9/"}""", "conversation")]
    [InlineData("""{"type":"invoke","name":"message/submitAction","value":"like","conversation":{"id":"c"},"serviceUrl":"http://127.0.0.1:9/"}""", "invoke")]
    [InlineData("""{"type":"message","conversation":{"id":"c"},"serviceUrl":"http://127.0.0.1:9/","timestamp":"yesterday"}""", "schema")]
    [InlineData("""[1,2,3]""", "JSON object")]
    [InlineData("""{"type":"message","conversation":{"id":"c"},"serviceUrl":"http://127.0.0.1:9/","text":"hi"}""", "channelId")]
    [InlineData("""{"type":"message","channelId":"","conversation":{"id":"c"},"serviceUrl":"http://127.0.0.1:9/","text":"hi"}""", "channelId")]
    public async Task A_malformed_activity_is_answered_400_with_a_reason(string body, string reason)
    {
        var (status, text) = await host.PostRawAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(reason, text, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("http://192.0.2.10:8080/")]
    [InlineData("https://smba.trafficmanager.net/teams/")]
    [InlineData("http://metadata.invalid/")]
    public async Task Without_credentials_a_reply_address_off_this_machine_is_refused_before_any_connection(string serviceUrl)
    {
        var activity = BotHost.Message("Who won the coastal football league?", serviceUrl: serviceUrl);
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var (status, text) = await host.PostRawAsync(activity.ToString());

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("this machine", text, StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), "no connection was attempted");
    }

    [Fact]
    public async Task A_body_over_the_limit_is_refused_413()
    {
        var activity = BotHost.Message(new string('a', 300 * 1024));

        var (status, _) = await host.PostRawAsync(activity.ToString());

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
    }

    [Fact]
    public async Task A_question_over_the_limit_gets_a_polite_reply()
    {
        var replies = await host.Bot.RepliesAsync(BotHost.Message(string.Join(' ', Enumerable.Repeat("football", 400)), conversation: "long"));

        Assert.Contains("fewer than 2,000 characters", (string?)replies[^1]["text"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_conversation_sending_too_fast_gets_429_with_Retry_After_and_a_reply_naming_the_burst_and_the_refill()
    {
        var statuses = new List<HttpStatusCode>();
        string? retryAfter = null;
        string? refusal = null;
        for (var i = 0; i < 8; i++)
        {
            using var client = host.Bot.CreateClient();
            var activity = BotHost.Message("help", conversation: "hurried");
            activity["deliveryMode"] = "expectReplies";
            using var response = await client.PostAsync("/api/messages", new StringContent(activity.ToString(), Encoding.UTF8, "application/json"));
            statuses.Add(response.StatusCode);
            retryAfter ??= response.Headers.RetryAfter?.ToString();
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                refusal ??= await response.Content.ReadAsStringAsync();
            }
        }

        // 6 a minute (this host's setting) behaves as 5 at once, then one every 10 seconds: the sixth quick message is refused.
        Assert.Equal(Enumerable.Repeat(HttpStatusCode.OK, 5), statuses.Take(5));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[5]);
        Assert.NotNull(retryAfter);
        Assert.Contains("up to 5 at once, then one every 10 seconds (6 a minute)", refusal, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Health_shows_no_file_path_without_the_key_and_the_details_with_it()
    {
        using var client = host.Bot.CreateClient();
        var summary = await client.GetStringAsync("/healthz");
        client.DefaultRequestHeaders.Add("X-Health-Key", Host.HealthKey);
        var detailed = JObject.Parse(await client.GetStringAsync("/healthz"));

        Assert.DoesNotContain(host.DataDirectory, summary, StringComparison.Ordinal);
        Assert.DoesNotContain("newsbot.db", summary, StringComparison.Ordinal);
        Assert.Contains("newsbot.db", (string?)detailed["store"]!["location"], StringComparison.Ordinal);
    }

    /// <summary>One anonymous bot for these tests, with a low per-conversation rate so the limit shows.</summary>
    public sealed class Host : IAsyncLifetime
    {
        public const string HealthKey = "test-health-key";
        private readonly TempDirectory _data = new();

        public Host() => Bot = new BotHost(_data.Path, new Dictionary<string, string?>
        {
            ["RateLimits:PerConversationPerMinute"] = "6",
            ["Bot:HealthKey"] = HealthKey,
        });

        public BotHost Bot { get; }

        public string DataDirectory => _data.Path;

        public async Task<(HttpStatusCode Status, string Body)> PostRawAsync(string body)
        {
            using var client = Bot.CreateClient();
            using var response = await client.PostAsync("/api/messages", new StringContent(body, Encoding.UTF8, "application/json"));
            return (response.StatusCode, await response.Content.ReadAsStringAsync());
        }

        public Task InitializeAsync() => Task.CompletedTask;

        public async Task DisposeAsync()
        {
            await Bot.DisposeAsync();
            _data.Dispose();
        }
    }
}
