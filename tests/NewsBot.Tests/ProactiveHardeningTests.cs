using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using NewsBot.Alerts;
using NewsBot.Core.Ingestion;
using NewsBot.Testing;
using Xunit;

namespace NewsBot.Tests;

/// <summary>Messages the bot sends on its own stop when they cannot arrive, obey today's reply-address rules, and follow what arrived.</summary>
public sealed class ProactiveHardeningTests : IAsyncLifetime
{
    private readonly TempDirectory _data = new();
    private readonly RecordedLog _log = new();
    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2026-11-30T06:30:00Z", CultureInfo.InvariantCulture));
    private RecordingConnector _channel = null!;

    public async Task InitializeAsync() => _channel = await RecordingConnector.StartAsync();

    [Fact]
    public async Task A_channel_that_fails_forever_is_tried_less_and_less_then_given_up_with_one_warning_each()
    {
        await using var bot = Bot();
        await SayAsync(bot, "follow tram strike", _channel.Url);
        _channel.Status = 500;
        await IngestAsync(bot, "tram-strike", "Tram drivers in Port Alder vote to strike", "2026-11-30T06:00:00Z");
        var dispatcher = bot.Services.GetRequiredService<AlertDispatcher>();

        var roundsWithAttempts = 0;
        for (var minute = 0; minute < 150; minute++)
        {
            var before = _channel.Attempts;
            await dispatcher.RunOnceAsync(CancellationToken.None);
            roundsWithAttempts += _channel.Attempts > before ? 1 : 0;
            _time.Advance(TimeSpan.FromMinutes(1));
        }

        _channel.Status = 200;
        var following = await SayAsync(bot, "following", _channel.Url);

        // Every round for 150 minutes would be 150 tries; waits of up to 8 minutes (Alerts:RetryMaxMinutes) are about 20.
        Assert.InRange(roundsWithAttempts, 3, 25);
        Assert.Contains("You don't follow any topics", following, StringComparison.Ordinal);
        var warnings = _log.Lines.Where(l => l.Level >= LogLevel.Warning && l.Category.StartsWith("NewsBot.Alerts", StringComparison.Ordinal)).ToArray();
        Assert.Single(warnings, w => w.Message.StartsWith("Could not send", StringComparison.Ordinal));
        Assert.Single(warnings, w => w.Message.StartsWith("Gave up", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_subscription_stored_while_remote_replies_were_allowed_is_not_sent_after_they_are_refused()
    {
        await using (var open = Bot(allowRemote: true))
        {
            await SayAsync(open, "follow tram strike", "http://newsroom.example:3978/");
        }

        await using var bot = Bot();
        await IngestAsync(bot, "tram-strike", "Tram drivers in Port Alder vote to strike", "2026-11-30T06:00:00Z");
        var sent = await bot.Services.GetRequiredService<AlertDispatcher>().RunOnceAsync(CancellationToken.None);

        Assert.Equal(0, sent);
        Assert.Contains(_log.Lines, l => l.Message.Contains("reply address is not allowed now", StringComparison.Ordinal));
        Assert.DoesNotContain(_log.Lines, l => l.Message.Contains("newsroom.example", StringComparison.Ordinal) && l.Message.Contains("resolve", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task A_briefing_includes_an_article_read_after_the_subscription_though_it_is_dated_earlier()
    {
        await using var bot = Bot();
        var message = BotHost.Message("briefing daily 08:00", serviceUrl: _channel.Url);
        message["localTimezone"] = "Europe/Berlin";
        await bot.RepliesAsync(message);
        await IngestAsync(bot, "ferry-report", "Ferry operator publishes its autumn safety report", "2026-11-26T09:00:00Z");

        _time.Advance(TimeSpan.FromMinutes(31));
        await bot.Services.GetRequiredService<AlertDispatcher>().RunOnceAsync(CancellationToken.None);

        var briefing = (string?)Assert.Single(_channel.Received)["text"] ?? "";
        Assert.Contains("Ferry operator publishes its autumn safety report", briefing, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_follow_cap_holds_under_concurrent_follows()
    {
        await using var bot = Bot();

        await Task.WhenAll(Enumerable.Range(0, 200).Select(i => bot.RepliesAsync(BotHost.Message($"follow harbour topic {i}", serviceUrl: _channel.Url))));
        var following = await SayAsync(bot, "following", _channel.Url);

        Assert.Equal(20, following.Split("**harbour topic", StringSplitOptions.None).Length - 1);
    }

    [Theory]
    [InlineData("follow \u202Eekirts mart")]
    [InlineData("follow tram\u0007 strike")]
    [InlineData("follow tram\u200B strike")]
    public async Task A_topic_with_control_or_direction_characters_is_refused_and_not_echoed(string command)
    {
        await using var bot = Bot();

        var reply = await SayAsync(bot, command, _channel.Url);

        Assert.Contains("invisible", reply, StringComparison.Ordinal);
        Assert.DoesNotContain(reply, c => c is '\u202E' or '\u0007' or '\u200B');
        Assert.Contains("You don't follow any topics", await SayAsync(bot, "following", _channel.Url), StringComparison.Ordinal);
    }

    public async Task DisposeAsync()
    {
        await _channel.DisposeAsync();
        _data.Dispose();
    }

    private BotHost Bot(bool allowRemote = false) => new(_data.Path, new Dictionary<string, string?>
    {
        ["Bot:SeedSampleNews"] = "false",
        ["Bot:AllowAnonymousRemote"] = allowRemote ? "true" : "false",
        ["Alerts:PollSeconds"] = "3600",
        ["Alerts:RetryMaxMinutes"] = "8",
        ["Alerts:GiveUpAfterHours"] = "2",
        ["Alerts:MinimumIntervalMinutes"] = "0",
        ["RateLimits:Enabled"] = "false",
    }, services =>
    {
        services.AddSingleton<TimeProvider>(_time);
        services.AddSingleton<ILoggerProvider>(_log);
    });

    private static async Task<string> SayAsync(BotHost bot, string text, string serviceUrl) =>
        (string?)(await bot.RepliesAsync(BotHost.Message(text, serviceUrl: serviceUrl)))[^1]["text"] ?? "";

    private async Task IngestAsync(BotHost bot, string id, string title, string published) =>
        await bot.Services.GetRequiredService<IngestionPipeline>().IngestAsync([_data.File(id + ".jsonl", WireCopies.Line(id, title, "Harbour Times", published, title + ", the operator said on its website. " + title + " in full."))]);
}
