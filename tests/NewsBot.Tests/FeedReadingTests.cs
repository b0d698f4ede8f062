using System.Text.Json;
using NewsBot.Testing;
using Xunit;

namespace NewsBot.Tests;

/// <summary>A newsroom lists its feeds in Feeds:Urls; the bot reads them itself and answers from them.</summary>
[Trait("Category", "Slow")] // a separate process or a browser: run apart with --filter Category=Slow
public sealed class FeedReadingTests : IDisposable
{
    private readonly TempDirectory _data = new();

    [Fact]
    public async Task The_bot_reads_its_feeds_on_start_answers_from_them_and_reports_them_in_healthz()
    {
        await using var site = await FakeNewsSite.StartAsync();
        await using var bot = new BotHost(_data.Path, new Dictionary<string, string?>
        {
            ["Feeds:Urls:0"] = site.Url + "/city/rss.xml",
            ["Feeds:Urls:1"] = site.Url + "/gone.xml",
            ["Feeds:Sources:0:Url"] = site.Url + "/atom.xml",
            ["Feeds:Sources:0:Outlet"] = "Alder Sport Weekly",
            ["Feeds:RefreshMinutes"] = "60",
            ["Bot:HealthKey"] = "feeds-key",
        });

        var feeds = await WaitForFeedsAsync(bot);
        var reply = (await bot.RepliesAsync(BotHost.Message("What happened in Port Alder on Monday morning?")))[^1];
        var outlet = (await bot.RepliesAsync(BotHost.Message("What's the latest from Harbour Herald?")))[^1];
        var configured = (await bot.RepliesAsync(BotHost.Message("What's the latest from Alder Sport Weekly?")))[^1];

        Assert.Equal("errors", feeds.GetProperty("status").GetString());
        Assert.Equal(4, feeds.GetProperty("new").GetInt32());
        Assert.Contains(feeds.GetProperty("errors").EnumerateArray(), e => e.GetString() == $"{site.Url}/gone.xml: the server answered HTTP 404 Not Found");
        var text = (string?)reply["text"];
        Assert.Contains("carried passengers across Port Alder", text, StringComparison.Ordinal);
        Assert.Contains(site.Url + "/city/tram-line", text, StringComparison.Ordinal);
        Assert.Contains(FakeNewsSite.Outlet, text, StringComparison.Ordinal);

        // The feed is titled "Harbour Herald - City": its stories are Harbour Herald's, as readers name the outlet.
        Assert.StartsWith("The latest from Harbour Herald:", (string?)outlet["text"], StringComparison.Ordinal);
        Assert.Contains("Lighthouse keeper retires after 31 years", (string?)outlet["text"], StringComparison.Ordinal);

        // Feeds:Sources names the outlet of a feed whose title does not.
        Assert.StartsWith("The latest from Alder Sport Weekly:\n- **Alder Rowing Club wins the autumn regatta**", (string?)configured["text"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_feed_address_with_a_user_name_and_password_never_reaches_the_log_and_a_dead_feed_is_named_as_a_feed()
    {
        await using var site = await FakeNewsSite.StartAsync();
        var withCredentials = site.Url.Replace("http://", "http://reader:hunter2secret@", StringComparison.Ordinal);
        await using var bot = await BotProcess.StartAsync(new Dictionary<string, string>
        {
            ["NEWSBOT_Feeds__Urls__0"] = withCredentials + "/city/rss.xml",
            ["NEWSBOT_Feeds__Urls__1"] = withCredentials + "/gone.xml",
            ["NEWSBOT_Bot__SeedSampleNews"] = "false",
            ["Logging__LogLevel__Default"] = "Information",
        });

        for (var i = 0; i < 120 && !bot.Log.ToArray().Any(l => l.Contains("Feeds read:", StringComparison.Ordinal)); i++)
        {
            await Task.Delay(500);
        }

        var log = string.Join('\n', bot.Log.ToArray());
        Assert.Contains("Feeds read:", log, StringComparison.Ordinal);
        Assert.Contains("gone.xml", log, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2secret", log, StringComparison.Ordinal);

        // A feed that answers 404 is a feed not read, not one of its items.
        Assert.Contains(bot.Log.ToArray(), l => l.Contains("Feed not read:", StringComparison.Ordinal) && l.Contains("gone.xml", StringComparison.Ordinal));
        Assert.DoesNotContain(bot.Log.ToArray(), l => l.Contains("Feed item not stored", StringComparison.Ordinal) && l.Contains("gone.xml", StringComparison.Ordinal));
    }

    private static async Task<JsonElement> WaitForFeedsAsync(BotHost bot)
    {
        using var client = bot.CreateClient();
        client.DefaultRequestHeaders.Add("X-Health-Key", "feeds-key");
        for (var attempt = 0; attempt < 120; attempt++)
        {
            var health = JsonDocument.Parse(await client.GetStringAsync("/healthz")).RootElement;
            var feeds = health.GetProperty("feeds");
            if (feeds.GetProperty("last_read").ValueKind != JsonValueKind.Null)
            {
                return feeds.Clone();
            }

            await Task.Delay(500);
        }

        throw new TimeoutException("The bot did not read its feeds within a minute.");
    }

    public void Dispose() => _data.Dispose();
}
