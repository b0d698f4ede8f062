using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using NewsBot.Testing;
using Newtonsoft.Json.Linq;
using Xunit;

namespace NewsBot.Tests;

/// <summary>
/// Web Chat on the bot's own Direct Line: a reader follows a topic, news about it is ingested with the CLI, and the
/// alert appears in the conversation the page polls, without the reader asking again.
/// </summary>
[Trait("Category", "Slow")] // a separate process or a browser: run apart with --filter Category=Slow
public sealed class DirectLineAlertTests : IDisposable
{
    private readonly TempDirectory _input = new();

    [Fact]
    public async Task A_reader_following_a_topic_in_web_chat_receives_the_alert_in_the_conversation()
    {
        await using var bot = await BotProcess.StartAsync(new Dictionary<string, string>
        {
            ["NEWSBOT_Alerts__PollSeconds"] = "1",
            ["NEWSBOT_Alerts__MinimumIntervalMinutes"] = "0",
        });
        using var http = new HttpClient { BaseAddress = new Uri(bot.Url) };
        var token = (string)JObject.Parse(await (await http.PostAsync("/api/directline/token", null)).Content.ReadAsStringAsync())["token"]!;
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var conversation = (string)JObject.Parse(await (await http.PostAsync("/v3/directline/conversations", null)).Content.ReadAsStringAsync())["conversationId"]!;
        var follow = new JObject { ["type"] = "message", ["from"] = new JObject { ["id"] = "reader" }, ["text"] = "follow lighthouse museum" };
        (await http.PostAsync($"/v3/directline/conversations/{conversation}/activities", new StringContent(follow.ToString(), Encoding.UTF8, "application/json"))).EnsureSuccessStatusCode();
        await WaitForAsync(http, conversation, "Following **lighthouse museum**");

        var news = _input.File("museum.jsonl", WireCopies.Line("lighthouse-museum", "Lighthouse museum to open on the Quayside", "Harbour Times", "2026-11-30T07:00:00Z",
            "A lighthouse museum will open on the Quayside in the old customs house next spring, the city said on Monday."));
        Assert.Equal(0, await CliProcess.RunAsync("ingest", news, "--data", bot.DataDirectory));

        var alert = await WaitForAsync(http, conversation, "New on **lighthouse museum**");
        Assert.Contains("Lighthouse museum to open on the Quayside", alert, StringComparison.Ordinal);
        Assert.Contains("https://harbour-times.example/lighthouse-museum", alert, StringComparison.Ordinal);
    }

    private static async Task<string> WaitForAsync(HttpClient http, string conversation, string expected)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(60))
        {
            var activities = JObject.Parse(await http.GetStringAsync($"/v3/directline/conversations/{conversation}/activities"))["activities"]!;
            if (activities.Select(a => (string?)a["text"]).FirstOrDefault(t => t?.Contains(expected, StringComparison.Ordinal) == true) is { } text)
            {
                return text;
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"No activity containing \"{expected}\" within 60 s");
    }

    public void Dispose() => _input.Dispose();
}
