using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NewsBot.Core.Answering;
using NewsBot.Testing;
using Newtonsoft.Json.Linq;
using Xunit;

namespace NewsBot.Tests;

/// <summary>Every request gets a 4xx or an answer: never a 5xx, a crashed turn, an unasked message or exception text.</summary>
public sealed class TurnHardeningTests : IAsyncLifetime
{
    private readonly TempDirectory _data = new();
    private readonly RecordedLog _log = new();
    private RecordingConnector _channel = null!;
    private BotHost _bot = null!;

    public async Task InitializeAsync()
    {
        _channel = await RecordingConnector.StartAsync();
        _bot = new BotHost(_data.Path, new Dictionary<string, string?> { ["RateLimits:Enabled"] = "false" }, services => services.AddSingleton<ILoggerProvider>(_log));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("""{"commandId":"searchNews","parameters":"x"}""")]
    [InlineData("""{"commandId":"searchNews","parameters":[null]}""")]
    [InlineData("""{"commandId":"searchNews","parameters":[{"name":"query","value":"tram"}],"queryOptions":{"count":"abc"}}""")]
    [InlineData("""{"commandId":"searchNews","parameters":[{"name":"query","value":"tram"}],"queryOptions":{"count":99999999999999}}""")]
    [InlineData("""{"commandId":"searchNews","parameters":[{"name":"query","value":"tram"}],"queryOptions":{"count":999999999999999999999999999999999999}}""")]
    [InlineData("""{"commandId":"searchNews","parameters":[{"name":"query","value":"tram"}],"queryOptions":"x"}""")]
    [InlineData("""{"commandId":"searchNews","parameters":[{"name":"query","value":{"nested":true}}]}""")]
    public async Task A_compose_box_search_of_any_shape_gets_a_4xx_or_cards_and_nothing_is_posted_into_the_chat(string? value)
    {
        var invoke = BotHost.Message("", channel: "msteams", serviceUrl: _channel.Url);
        invoke["type"] = "invoke";
        invoke["name"] = "composeExtension/query";
        if (value is not null)
        {
            invoke["value"] = JObject.Parse(value);
        }

        var (status, _) = await _bot.PostAsync(invoke);

        Assert.True((int)status < 500, $"{(int)status} for {value}");
        Assert.Equal(0, _channel.Attempts);
        Assert.DoesNotContain(_log.Lines, l => l.Message.Contains("Unhandled error", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_very_long_compose_box_search_is_refused_politely_before_any_search()
    {
        var invoke = BotHost.Message("", channel: "msteams", serviceUrl: _channel.Url);
        invoke["type"] = "invoke";
        invoke["name"] = "composeExtension/query";
        invoke["value"] = new JObject
        {
            ["commandId"] = "searchNews",
            ["parameters"] = new JArray(new JObject { ["name"] = "query", ["value"] = string.Join(' ', Enumerable.Repeat("tram", 25_000)) }),
        };

        var (status, body) = await _bot.PostAsync(invoke);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("message", (string?)body!["composeExtension"]!["type"]);
        Assert.Contains("shorter", (string?)body["composeExtension"]!["text"], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("briefing daily ７:３０", "07:30")]
    [InlineData("briefing daily ٠٨:١٥", "08:15")]
    [InlineData("briefing daily ۹ pm", "21:00")]
    public async Task Digits_of_other_scripts_are_read_as_digits(string command, string expected)
    {
        var reply = (string?)(await _bot.RepliesAsync(BotHost.Message(command, serviceUrl: _channel.Url)))[^1]["text"] ?? "";

        Assert.Contains($"daily at {expected}", reply, StringComparison.Ordinal);
        Assert.DoesNotContain(_log.Lines, l => l.Message.Contains("Unhandled error", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("""[{"type":"mention","mentioned":null,"text":"<at>NewsBot</at>"}]""")]
    [InlineData("""[{"type":"mention","text":"<at>NewsBot</at>"}]""")]
    [InlineData("""[{"type":"mention","mentioned":{"id":5},"text":7}]""")]
    [InlineData("""[{"type":"mention","mentioned":{"id":"newsbot","name":"NewsBot"},"text":"<at>NewsBot</at>"}]""")]
    public async Task A_mention_entity_of_any_shape_never_crashes_the_turn(string entities)
    {
        var message = BotHost.Message("<at>NewsBot</at> Where will NATO open its liaison office?", serviceUrl: _channel.Url);
        message["entities"] = JArray.Parse(entities);

        var replies = await _bot.RepliesAsync(message);

        Assert.Contains("Tokyo", (string?)replies[^1]["text"], StringComparison.Ordinal);
        Assert.DoesNotContain(_log.Lines, l => l.Message.Contains("Unhandled error", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_reply_address_that_only_looks_local_is_refused()
    {
        var (status, _) = await _bot.PostAsync(BotHost.Message("hello", serviceUrl: "http://evil.localhost:9"));

        Assert.Equal(HttpStatusCode.BadRequest, status);
    }

    [Fact]
    public async Task When_the_apology_itself_cannot_be_delivered_the_request_still_gets_no_server_error()
    {
        await using var failing = new BotHost(_data.Path, new Dictionary<string, string?> { ["RateLimits:Enabled"] = "false" }, services =>
        {
            services.AddSingleton<INewsAnswerer>(new ThrowingAnswerer());
            services.AddSingleton<ILoggerProvider>(_log);
        });
        _channel.Status = 500;

        var (status, _) = await failing.PostAsync(BotHost.Message("Where will NATO open its liaison office?", serviceUrl: _channel.Url));

        Assert.True((int)status < 500, $"{(int)status}");
        Assert.Contains(_log.Lines, l => l.Message.Contains("Could not deliver", StringComparison.Ordinal));
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _channel.DisposeAsync();
        _data.Dispose();
    }

    private sealed class ThrowingAnswerer : INewsAnswerer
    {
        public bool Streams => false;

        public Task<Answer> AnswerAsync(AnswerRequest request, Func<string, CancellationToken, Task>? onText = null, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException("The store at /var/secret/newsbot.db broke.");
    }
}
