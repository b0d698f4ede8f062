using System.Net;
using Microsoft.Extensions.DependencyInjection;
using NewsBot.SideData;
using NewsBot.Testing;
using Newtonsoft.Json.Linq;
using Xunit;

namespace NewsBot.Tests;

/// <summary>Real activities posted to /api/messages, as the Emulator, Web Chat and Teams send them.</summary>
public sealed class ConversationTests : IAsyncLifetime
{
    private readonly TempDirectory _data = new();
    private BotHost _bot = null!;

    public Task InitializeAsync()
    {
        _bot = new BotHost(_data.Path);
        _ = _bot.Server; // Starts the host, which ingests the sample news.
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        _data.Dispose();
    }

    [Fact]
    public async Task A_new_member_is_welcomed_with_what_the_bot_knows_and_example_questions_written_out_and_as_buttons()
    {
        var update = BotHost.Message("");
        update["type"] = "conversationUpdate";
        update["membersAdded"] = new JArray(new JObject { ["id"] = "user-1" }, new JObject { ["id"] = "newsbot" });

        var welcome = Assert.Single(await _bot.RepliesAsync(update));

        Assert.Contains("14 articles from 5 outlets, the newest from " + SampleDates.Spoken("2026-11-27"), (string?)welcome["text"], StringComparison.Ordinal);
        var examples = welcome["suggestedActions"]!["actions"]!.Select(a => (string?)a["value"]).ToArray();
        Assert.Equal(4, examples.Length);
        Assert.Equal("What happened in the last 7 days?", examples[0]);
        Assert.StartsWith("Any news from ", examples[1], StringComparison.Ordinal);
        Assert.All(examples[2..], e => Assert.StartsWith("Tell me about: ", e, StringComparison.Ordinal));

        // The buttons are gone after the first message; the text keeps every example, and never ends on a colon.
        var text = (string)welcome["text"]!;
        Assert.All(examples, e => Assert.Contains($"- *{e}*", text, StringComparison.Ordinal));
        Assert.False(text.TrimEnd().EndsWith(':'));
    }

    [Fact]
    public async Task A_question_gets_a_typing_indicator_then_a_cited_answer_with_linked_sources()
    {
        var replies = await _bot.RepliesAsync(BotHost.Message("Where will NATO open its liaison office?"));

        Assert.Equal("typing", (string?)replies[0]["type"]);
        var answer = replies[^1];
        var text = (string)answer["text"]!;
        Assert.Contains("Tokyo", text, StringComparison.Ordinal);
        Assert.Contains("[[1]](https://northern-wire.example/world/nato-tokyo-liaison-office)", text, StringComparison.Ordinal);
        Assert.Contains("1. [NATO prepares first liaison office in Asia, with Tokyo as its base](https://northern-wire.example/world/nato-tokyo-liaison-office) — Northern Wire, " + SampleDates.Spoken("2026-11-02"), text, StringComparison.Ordinal);
        Assert.Equal("markdown", (string?)answer["textFormat"]);
        Assert.NotEmpty(answer["suggestedActions"]!["actions"]!);
    }

    [Fact]
    public async Task In_Teams_the_answer_carries_the_AI_label_citation_entity_and_feedback_buttons()
    {
        var answer = (await _bot.RepliesAsync(BotHost.Message("How much will the eastern tram line cost?", channel: "msteams")))[^1];

        var text = (string)answer["text"]!;
        Assert.Contains("[1]", text, StringComparison.Ordinal);
        Assert.DoesNotContain("**Sources**", text, StringComparison.Ordinal);
        Assert.Equal("default", (string?)answer["channelData"]!["feedbackLoop"]!["type"]);
        var entity = Assert.Single(answer["entities"]!.Children<JObject>());
        Assert.Equal("https://schema.org/Message", (string?)entity["type"]);
        Assert.Equal("Message", (string?)entity["@type"]);
        Assert.Equal("https://schema.org", (string?)entity["@context"]);
        Assert.Equal("AIGeneratedContent", (string?)entity["additionalType"]![0]);
        var claims = entity["citation"]!.Children<JObject>().ToArray();
        Assert.InRange(claims.Length, 1, 20);
        Assert.Equal(Enumerable.Range(1, claims.Length), claims.Select(c => (int)c["position"]!));
        Assert.All(claims, c =>
        {
            Assert.Equal("Claim", (string?)c["@type"]);
            Assert.Equal("DigitalDocument", (string?)c["appearance"]!["@type"]);
            Assert.InRange(((string)c["appearance"]!["name"]!).Length, 1, 80);
            Assert.InRange(((string)c["appearance"]!["abstract"]!).Length, 1, 160);
            Assert.StartsWith("https://harbour-times.example/", (string?)c["appearance"]!["url"], StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task Teams_feedback_is_stored_and_answered_with_an_empty_200()
    {
        var invoke = BotHost.Message("", channel: "msteams");
        invoke["type"] = "invoke";
        invoke["name"] = "message/submitAction";
        invoke["replyToId"] = "answer-7";
        invoke["value"] = new JObject
        {
            ["actionName"] = "feedback",
            ["actionValue"] = new JObject { ["reaction"] = "dislike", ["feedback"] = "{\"feedbackText\":\"Missing the newer figure\"}" },
        };

        var (status, body) = await _bot.PostAsync(invoke);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Null(body);
        var stored = Assert.Single(await _bot.Services.GetRequiredService<FeedbackStore>().ListAsync());
        Assert.Equal(("dislike", "Missing the newer figure", "answer-7"), (stored.Reaction, stored.Comment, stored.ReplyToId));
    }

    [Fact]
    public async Task Help_whats_new_and_reset_are_commands()
    {
        var help = (await _bot.RepliesAsync(BotHost.Message("help")))[^1];
        var latest = (await _bot.RepliesAsync(BotHost.Message("What's new?")))[^1];
        var reset = (await _bot.RepliesAsync(BotHost.Message("/reset")))[^1];

        Assert.Contains("every answer cites its sources", (string?)help["text"], StringComparison.Ordinal);
        Assert.DoesNotMatch(@"\[\d+\]", (string?)help["text"]); // A bare marker in help would look like a citation with no source.
        Assert.StartsWith("The latest:", (string?)latest["text"], StringComparison.Ordinal);
        Assert.Contains("**National library puts 19th-century newspapers online**", (string?)latest["text"], StringComparison.Ordinal);
        Assert.Contains(latest["entities"]!.Children<JObject>().SelectMany(e => e.Descendants().OfType<JProperty>()),
            p => p.Value.Type == JTokenType.String && (string?)p.Value == "https://civic-ledger.example/culture/library-newspaper-archive");
        Assert.Contains("forgotten our conversation", (string?)reset["text"], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("sources")]
    [InlineData("Which outlets do you cover?")]
    [InlineData("what news sources do you have")]
    public async Task Asking_for_the_sources_lists_the_outlets_and_offers_their_latest_news(string question)
    {
        var reply = (await _bot.RepliesAsync(BotHost.Message(question)))[^1];

        Assert.StartsWith("I read 5 outlets: Civic Ledger, Harbour Times, Metro Signal, Northern Wire, Pacific Dispatch.", (string?)reply["text"], StringComparison.Ordinal);
        Assert.Contains($"14 articles, from {SampleDates.Spoken("2026-10-28")} to {SampleDates.Spoken("2026-11-27")}", (string?)reply["text"], StringComparison.Ordinal);
        Assert.Equal("What's the latest from Civic Ledger?", (string?)reply["suggestedActions"]!["actions"]![0]!["value"]);
    }

    [Fact]
    public async Task A_follow_up_uses_the_conversation_and_reset_forgets_it()
    {
        await _bot.RepliesAsync(BotHost.Message("Where will NATO open its liaison office?", conversation: "follow-up"));

        var followUp = (await _bot.RepliesAsync(BotHost.Message("And what did China say?", conversation: "follow-up")))[^1];
        var rememberedBeforeReset = await HistoryAsync("follow-up");
        await _bot.RepliesAsync(BotHost.Message("reset", conversation: "follow-up"));

        Assert.Contains("vigilant", (string?)followUp["text"], StringComparison.Ordinal);
        Assert.Equal(2, rememberedBeforeReset);
        Assert.Equal(0, await HistoryAsync("follow-up"));
    }

    [Fact]
    public async Task After_reset_a_follow_up_is_answered_without_a_pronoun_the_reader_never_saw_named()
    {
        await _bot.RepliesAsync(BotHost.Message("Where will NATO open its liaison office?", conversation: "after-reset"));
        await _bot.RepliesAsync(BotHost.Message("reset", conversation: "after-reset"));

        var text = (string?)(await _bot.RepliesAsync(BotHost.Message("and what did China say?", conversation: "after-reset")))[^1]["text"] ?? "";

        Assert.DoesNotMatch(@"^(?:He|She|They|It|His|Her|Their|Its)\b", text);
        var she = text.IndexOf("She urged", StringComparison.Ordinal);
        Assert.True(she < 0 || text.IndexOf("Mao Ning", StringComparison.Ordinal) is >= 0 and var named && named < she, text);
    }

    private async Task<int> HistoryAsync(string conversation)
    {
        var storage = _bot.Services.GetRequiredService<Microsoft.Bot.Builder.IStorage>();
        var state = await storage.ReadAsync([$"emulator/conversations/{conversation}"]);
        return state.Values.FirstOrDefault() is IDictionary<string, object> values && values.TryGetValue(nameof(State.ConversationData), out var data)
            ? ((Newtonsoft.Json.Linq.JObject)data).ToObject<State.ConversationData>()!.History.Count
            : 0;
    }

    [Fact]
    public async Task A_request_that_is_not_an_activity_gets_400()
    {
        using var client = _bot.CreateClient();

        using var broken = await client.PostAsync("/api/messages", new StringContent("{not json", System.Text.Encoding.UTF8, "application/json"));
        using var untyped = await client.PostAsync("/api/messages", new StringContent("{\"text\":\"hi\"}", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, broken.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, untyped.StatusCode);
    }

    [Fact]
    public async Task Health_reports_the_store_the_embedding_model_and_the_chat_model()
    {
        using var client = _bot.CreateClient();

        var health = JObject.Parse(await client.GetStringAsync("/healthz"));

        Assert.Equal("ok", (string?)health["status"]);
        Assert.Equal(14, (int)health["store"]!["articles"]!);
        Assert.Equal("snowflake-arctic-embed-xs", (string?)health["embeddings"]!["model"]);
        Assert.Equal("not configured", (string?)health["chat"]!["status"]);
    }
}
