using System.Text;
using NewsBot.Testing;
using Newtonsoft.Json.Linq;
using Xunit;

namespace NewsBot.Tests;

/// <summary>With a language model, answers are streamed: informative, then the text so far at most once a second, then the final message.</summary>
[Trait("Category", "Slow")] // a separate process or a browser: run apart with --filter Category=Slow
public sealed class StreamingTests
{
    private const string Answer = "NATO is preparing its first liaison office in Asia and has chosen Tokyo for it [1]. China warned its neighbours to be vigilant about the alliance [2].";

    [Theory]
    [InlineData("msteams")]
    [InlineData("directline")]
    public async Task A_generated_answer_streams_and_only_the_final_message_carries_citations(string channel)
    {
        await using var model = await FakeChatServer.StartAsync();
        model.Otherwise = (context, _) => FakeChatServer.Reply(context, Answer, TimeSpan.FromMilliseconds(200));
        await using var bot = await BotProcess.StartAsync(new Dictionary<string, string>
        {
            ["NEWSBOT_Chat__Provider"] = "OpenAICompatible",
            ["NEWSBOT_Chat__Endpoint"] = model.Endpoint,
            ["NEWSBOT_Chat__Model"] = "test-model",
        });

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var activities = await PostAsync(bot.Url, channel, "Where will NATO open its liaison office?");
        var seconds = clock.Elapsed.TotalSeconds;

        var typing = activities.Where(a => (string?)a["type"] == "typing").ToArray();
        var final = activities.Last();
        Assert.Equal("message", (string?)final["type"]);
        Assert.Equal(["informative", "streaming"], typing.Select(t => Stream(t, channel)["streamType"]!.ToString()).Distinct());
        Assert.True(typing.Length >= 2, $"{typing.Length} updates");
        Assert.True(typing.Length <= 2 + (int)seconds, $"{typing.Length} updates in {seconds:F1} s: more than one a second");
        var streamId = (string?)Stream(typing[1], channel)["streamId"];
        Assert.False(string.IsNullOrEmpty(streamId));
        Assert.Equal(streamId, (string?)Stream(final, channel)["streamId"]);
        Assert.Equal("final", (string?)Stream(final, channel)["streamType"]);
        Assert.All(typing, t => Assert.DoesNotContain(t["entities"]?.Children<JObject>() ?? [], e => (string?)e["type"] == "https://schema.org/Message"));
        Assert.Contains(final["entities"]!.Children<JObject>(), e => (string?)e["type"] == "https://schema.org/Message");
        Assert.Contains("Tokyo", (string?)final["text"], StringComparison.Ordinal);
    }

    private static JObject Stream(JObject activity, string channel) => channel == "msteams"
        ? activity["entities"]!.Children<JObject>().Single(e => (string?)e["type"] == "streaminfo")
        : (JObject)activity["channelData"]!;

    private static async Task<JObject[]> PostAsync(string url, string channel, string text)
    {
        var activity = BotHost.Message(text, channel: channel);
        activity["deliveryMode"] = "expectReplies";
        activity["conversation"]!["conversationType"] = "personal";
        using var http = new HttpClient();
        using var response = await http.PostAsync(url + "/api/messages", new StringContent(activity.ToString(), Encoding.UTF8, "application/json"));
        var body = JObject.Parse(await response.Content.ReadAsStringAsync());
        return body["activities"]!.Children<JObject>().ToArray();
    }
}
