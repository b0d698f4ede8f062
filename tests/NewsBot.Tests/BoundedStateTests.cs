using Microsoft.Bot.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;
using NewsBot.Core.Answering;
using NewsBot.SideData;
using NewsBot.State;
using NewsBot.Testing;
using Xunit;

namespace NewsBot.Tests;

/// <summary>What the bot keeps of conversations is bounded in size and age, and cannot name the types it is read into.</summary>
public sealed class BoundedStateTests : IDisposable
{
    private readonly TempDirectory _data = new();

    private string Database => Path.Combine(_data.Path, "bot-state.db");

    [Fact]
    public async Task Stored_state_naming_a_system_type_is_read_as_plain_data()
    {
        var storage = new SqliteBotStorage(Database);
        await storage.WriteAsync(new Dictionary<string, object> { ["probe"] = new Dictionary<string, object> { ["x"] = 1 } });
        await using (var connection = new SqliteConnection($"Data Source={Database};Pooling=false"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = """UPDATE bot_state SET json = '{"$type":"System.Text.StringBuilder, System.Private.CoreLib","Capacity":64}'""";
            await command.ExecuteNonQueryAsync();
        }

        var read = await storage.ReadAsync(["probe"]);

        Assert.IsNotType<System.Text.StringBuilder>(read["probe"]);
        Assert.IsAssignableFrom<IDictionary<string, object>>(read["probe"]);
    }

    [Fact]
    public async Task Conversations_written_at_once_all_keep_their_history_and_a_stale_write_still_fails()
    {
        var first = new SqliteBotStorage(Database);
        var second = new SqliteBotStorage(Database);
        await Task.WhenAll(Enumerable.Range(0, 40).Select(i => Task.Run(() =>
            (i % 2 == 0 ? first : second).WriteAsync(new Dictionary<string, object> { [$"conversation-{i}"] = new Dictionary<string, object> { ["turns"] = i } }))));

        var read = await first.ReadAsync([.. Enumerable.Range(0, 40).Select(i => $"conversation-{i}")]);
        Assert.Equal(40, read.Count);

        var stale = new Dictionary<string, object> { ["turns"] = 99, ["eTag"] = "written-by-an-earlier-turn" };
        await Assert.ThrowsAsync<InvalidOperationException>(() => second.WriteAsync(new Dictionary<string, object> { ["conversation-3"] = stale }));
    }

    [Fact]
    public async Task State_and_feedback_older_than_the_retention_are_pruned()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-11-01T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var storage = new SqliteBotStorage(Database, time);
        var feedback = new FeedbackStore(Database);
        await storage.WriteAsync(new Dictionary<string, object> { ["old"] = new Dictionary<string, object> { ["x"] = 1 } });
        await feedback.AddAsync(new AnswerFeedback("c", "r", "like", null, time.GetUtcNow()));
        time.Advance(TimeSpan.FromDays(40));
        await storage.WriteAsync(new Dictionary<string, object> { ["new"] = new Dictionary<string, object> { ["x"] = 2 } });
        await feedback.AddAsync(new AnswerFeedback("c", "r2", "dislike", null, time.GetUtcNow()));

        var before = time.GetUtcNow() - TimeSpan.FromDays(30);
        var pruned = await storage.PruneAsync(before) + await feedback.PruneAsync(before);

        Assert.Equal(2, pruned);
        Assert.Equal(["new"], (await storage.ReadAsync(["old", "new"])).Keys);
        Assert.Equal(["r2"], (await feedback.ListAsync()).Select(f => f.ReplyToId));
    }

    [Fact]
    public void History_keeps_the_last_turns_each_cut_to_a_bounded_length()
    {
        var data = new ConversationData();
        for (var i = 0; i < 10; i++)
        {
            data.Remember(new ConversationTurn($"q{i} " + new string('x', 5000), new string('a', 9000)), keep: 6);
        }

        Assert.Equal(6, data.History.Count);
        Assert.StartsWith("q4 ", data.History[0].Question, StringComparison.Ordinal);
        Assert.All(data.History, t => Assert.True(t.Question.Length <= ConversationData.MaxQuestionCharacters && t.Answer.Length <= ConversationData.MaxAnswerCharacters));
    }

    [Fact]
    public async Task A_long_feedback_comment_is_cut()
    {
        await using var bot = new BotHost(_data.Path, new Dictionary<string, string?> { ["Bot:SeedSampleNews"] = "false" });
        var invoke = BotHost.Message("");
        invoke["type"] = "invoke";
        invoke["name"] = "message/submitAction";
        invoke["value"] = new Newtonsoft.Json.Linq.JObject
        {
            ["actionName"] = "feedback",
            ["actionValue"] = new Newtonsoft.Json.Linq.JObject { ["reaction"] = "dislike", ["feedback"] = new string('w', 50_000) },
        };

        var (status, _) = await bot.PostAsync(invoke);

        Assert.Equal(System.Net.HttpStatusCode.OK, status);
        Assert.Equal(1000, (await new FeedbackStore(Database).ListAsync()).Single().Comment!.Length);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _data.Dispose();
    }
}
