using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using NewsBot.Alerts;
using NewsBot.Core.Ingestion;
using NewsBot.Testing;
using Xunit;

namespace NewsBot.Tests;

/// <summary>Follow a topic, and the bot writes to the conversation on its own when news about it arrives.</summary>
public sealed class FollowAlertTests : IAsyncLifetime
{
    private readonly TempDirectory _data = new();
    private RecordingConnector _channel = null!;

    public async Task InitializeAsync() => _channel = await RecordingConnector.StartAsync();

    [Fact]
    public async Task A_new_article_about_a_followed_topic_reaches_the_conversation_as_a_cited_alert()
    {
        await using var bot = Bot();
        var reply = await SayAsync(bot, "follow tram strike");
        await IngestAsync(bot, "tram-strike", "Tram drivers in Port Alder vote to strike", "Tram drivers in Port Alder voted on Monday to strike for 48 hours from next Thursday, the drivers' union said.");
        await IngestAsync(bot, "orchard", "Apple harvest best in a decade", "Growers in the valley picked their biggest apple harvest in ten years.");

        var sent = await bot.Services.GetRequiredService<AlertDispatcher>().RunOnceAsync(CancellationToken.None);

        Assert.Contains("Following **tram strike**", reply, StringComparison.Ordinal);
        Assert.Equal(1, sent);
        var alert = (string?)Assert.Single(_channel.Received)["text"] ?? "";
        Assert.Contains("New on **tram strike**", alert, StringComparison.Ordinal);
        Assert.Contains("Tram drivers in Port Alder vote to strike", alert, StringComparison.Ordinal);
        Assert.Contains("https://harbour-times.example/tram-strike", alert, StringComparison.Ordinal);
        Assert.DoesNotContain("Apple harvest", alert, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reports_arriving_together_come_as_one_alert_and_none_before_the_interval_has_passed()
    {
        await using var bot = Bot(interval: 60);
        await SayAsync(bot, "follow tram strike");
        await IngestAsync(bot, "tram-strike", "Tram drivers in Port Alder vote to strike", "Tram drivers in Port Alder voted on Monday to strike for 48 hours.");
        await IngestAsync(bot, "tram-strike-2", "Port Alder tram strike: what commuters need to know", "Buses will replace trams on the eastern line during the strike, the city said.");
        var dispatcher = bot.Services.GetRequiredService<AlertDispatcher>();
        await dispatcher.RunOnceAsync(CancellationToken.None);

        await IngestAsync(bot, "tram-strike-3", "Tram strike called off after late offer", "The tram strike in Port Alder was called off on Wednesday night after a late pay offer.");
        await dispatcher.RunOnceAsync(CancellationToken.None);

        var alert = (string?)Assert.Single(_channel.Received)["text"] ?? "";
        Assert.Contains("2 new reports on **tram strike**", alert, StringComparison.Ordinal);
        Assert.Contains("what commuters need to know", alert, StringComparison.Ordinal);
    }

    [Fact]
    public async Task After_unfollow_no_alert_is_sent()
    {
        await using var bot = Bot();
        await SayAsync(bot, "follow tram strike");
        var reply = await SayAsync(bot, "unfollow tram strike");
        await IngestAsync(bot, "tram-strike", "Tram drivers in Port Alder vote to strike", "Tram drivers in Port Alder voted on Monday to strike for 48 hours.");

        await bot.Services.GetRequiredService<AlertDispatcher>().RunOnceAsync(CancellationToken.None);

        Assert.Contains("Stopped following **tram strike**", reply, StringComparison.Ordinal);
        Assert.Empty(_channel.Received);
    }

    [Fact]
    public async Task A_subscription_survives_a_restart_and_still_alerts()
    {
        await using (var before = Bot())
        {
            await SayAsync(before, "follow tram strike");
        }

        await using var after = Bot();
        var following = await SayAsync(after, "following");
        await IngestAsync(after, "tram-strike", "Tram drivers in Port Alder vote to strike", "Tram drivers in Port Alder voted on Monday to strike for 48 hours.");
        await after.Services.GetRequiredService<AlertDispatcher>().RunOnceAsync(CancellationToken.None);

        Assert.Contains("You follow: **tram strike**", following, StringComparison.Ordinal);
        Assert.Single(_channel.Received);
    }

    [Fact]
    public async Task A_conversation_whose_channel_answers_403_is_unsubscribed_not_retried()
    {
        await using var bot = Bot();
        await SayAsync(bot, "follow tram strike");
        await SayAsync(bot, "briefing daily 08:00");
        _channel.Status = 403;
        await IngestAsync(bot, "tram-strike", "Tram drivers in Port Alder vote to strike", "Tram drivers in Port Alder voted on Monday to strike for 48 hours.");

        await bot.Services.GetRequiredService<AlertDispatcher>().RunOnceAsync(CancellationToken.None);
        _channel.Status = 200;
        var following = await SayAsync(bot, "following");

        Assert.Contains("You don't follow any topics", following, StringComparison.Ordinal);
        Assert.Contains("No daily briefing", following, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_instances_sharing_the_state_send_an_alert_once()
    {
        await using var first = Bot();
        await using var second = Bot();
        await SayAsync(first, "follow tram strike");
        await IngestAsync(first, "tram-strike", "Tram drivers in Port Alder vote to strike", "Tram drivers in Port Alder voted on Monday to strike for 48 hours.");

        var sent = await Task.WhenAll(
            first.Services.GetRequiredService<AlertDispatcher>().RunOnceAsync(CancellationToken.None),
            second.Services.GetRequiredService<AlertDispatcher>().RunOnceAsync(CancellationToken.None));

        Assert.Equal(1, sent.Sum());
        Assert.Single(_channel.Received);
    }

    [Fact]
    public async Task A_daily_briefing_arrives_at_its_local_time_with_the_top_stories_cited()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-11-30T06:30:00Z", System.Globalization.CultureInfo.InvariantCulture));
        await using var bot = Bot(time: time);
        var message = BotHost.Message("briefing daily 08:00", serviceUrl: _channel.Url);
        message["localTimezone"] = "Europe/Berlin";
        var reply = (string?)(await bot.RepliesAsync(message))[^1]["text"] ?? "";
        await IngestAsync(bot, "tram-strike", "Tram drivers in Port Alder vote to strike", "Tram drivers in Port Alder voted on Monday to strike for 48 hours.");
        var dispatcher = bot.Services.GetRequiredService<AlertDispatcher>();

        var early = await dispatcher.RunOnceAsync(CancellationToken.None);
        time.Advance(TimeSpan.FromMinutes(31)); // 07:01 UTC is 08:01 in Berlin
        var due = await dispatcher.RunOnceAsync(CancellationToken.None);
        var again = await dispatcher.RunOnceAsync(CancellationToken.None);

        Assert.Contains("daily at 08:00 (Europe/Berlin)", reply, StringComparison.Ordinal);
        Assert.Equal((0, 1, 0), (early, due, again));
        var briefing = (string?)Assert.Single(_channel.Received)["text"] ?? "";
        Assert.StartsWith("Your briefing: the top stories since", briefing, StringComparison.Ordinal);
        Assert.Contains("Tram drivers in Port Alder vote to strike", briefing, StringComparison.Ordinal);
        Assert.Contains("https://harbour-times.example/tram-strike", briefing, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("follow the", "Tell me what to follow")]
    [InlineData("briefing daily teatime", "didn't understand \"teatime\" as a time of day")]
    [InlineData("unfollow volcanoes", "You don't follow **volcanoes**")]
    public async Task Commands_that_cannot_be_done_say_why(string command, string expected)
    {
        await using var bot = Bot();

        Assert.Contains(expected, await SayAsync(bot, command), StringComparison.Ordinal);
    }

    private BotHost Bot(int interval = 0, TimeProvider? time = null) => new(_data.Path, new Dictionary<string, string?>
    {
        ["Bot:SeedSampleNews"] = "false",
        ["Alerts:PollSeconds"] = "3600",
        ["Alerts:MinimumIntervalMinutes"] = interval.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["RateLimits:Enabled"] = "false",
    }, time is null ? null : services => services.AddSingleton(time));

    private async Task<string> SayAsync(BotHost bot, string text) =>
        (string?)(await bot.RepliesAsync(BotHost.Message(text, serviceUrl: _channel.Url)))[^1]["text"] ?? "";

    private async Task IngestAsync(BotHost bot, string id, string title, string body) =>
        await bot.Services.GetRequiredService<IngestionPipeline>().IngestAsync([_data.File(id + ".jsonl", WireCopies.Line(id, title, "Harbour Times", "2026-11-30T08:00:00Z", body))]);

    public async Task DisposeAsync()
    {
        await _channel.DisposeAsync();
        _data.Dispose();
    }
}
