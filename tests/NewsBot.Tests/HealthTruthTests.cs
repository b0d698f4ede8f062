using System.Net;
using Microsoft.Data.Sqlite;
using NewsBot.Testing;
using Newtonsoft.Json.Linq;
using Xunit;

namespace NewsBot.Tests;

/// <summary>/healthz reads and writes what the bot needs; a damaged side file is reported, and questions that do not need it are still answered.</summary>
public sealed class HealthTruthTests : IDisposable
{
    private readonly TempDirectory _data = new();

    [Theory]
    [InlineData("stories.db", "stories")]
    [InlineData("bot-state.db", "state")]
    public async Task A_damaged_side_file_makes_health_503_naming_it_while_questions_are_still_answered(string file, string part)
    {
        await using (var seeded = new BotHost(_data.Path))
        {
            await seeded.RepliesAsync(BotHost.Message("Where will NATO open its liaison office?"));
        }

        SqliteConnection.ClearAllPools();
        foreach (var path in Directory.GetFiles(_data.Path, file + "*"))
        {
            File.Delete(path);
        }

        await File.WriteAllTextAsync(Path.Combine(_data.Path, file), string.Concat(Enumerable.Repeat("not a database at all ", 500)));
        await using var bot = new BotHost(_data.Path);
        using var client = bot.CreateClient();

        using var health = await client.GetAsync("/healthz");
        var body = JObject.Parse(await health.Content.ReadAsStringAsync());
        var answers = new List<string>();
        foreach (var question in new[] { "Where will NATO open its liaison office?", "Who won the coastal football league?", "How much will the eastern tram line cost?" })
        {
            answers.Add((string?)(await bot.RepliesAsync(BotHost.Message(question, conversation: "after-" + part)))[^1]["text"] ?? "");
        }

        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        Assert.Equal("unavailable", (string?)body["parts"]![part]!["status"]);
        Assert.Equal("ok", (string?)body["store"]!["status"]);
        Assert.DoesNotContain(_data.Path, body.ToString(), StringComparison.Ordinal);
        Assert.All(answers, a => Assert.DoesNotContain("Sorry", a, StringComparison.Ordinal));
        Assert.Contains("Tokyo", answers[0], StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task A_full_disk_under_the_bot_state_makes_health_503_while_questions_are_still_answered()
    {
        using var disk = new TempDirectory();
        var mounted = Tmpfs.Mount(disk.Path, "24M");
        Skip.IfNot(mounted, "a small file system could not be mounted here (mount needs root)");
        try
        {
            await using var bot = new BotHost(disk.Path);
            using var client = bot.CreateClient();
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
            await FillAsync(Path.Combine(disk.Path, "filler"));

            using var health = await client.GetAsync("/healthz");
            var body = JObject.Parse(await health.Content.ReadAsStringAsync());
            var answer = (string?)(await bot.RepliesAsync(BotHost.Message("Where will NATO open its liaison office?", conversation: "disk-full")))[^1]["text"] ?? "";

            Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
            Assert.Equal("unavailable", (string?)body["parts"]!["state"]!["status"]);
            Assert.Contains("Tokyo", answer, StringComparison.Ordinal);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Tmpfs.Unmount(disk.Path);
        }
    }

    [Fact]
    public async Task An_empty_store_file_is_reported_not_filled_with_the_sample_news()
    {
        await File.WriteAllBytesAsync(Path.Combine(_data.Path, "newsbot.db"), []);
        await using var bot = new BotHost(_data.Path);
        using var client = bot.CreateClient();

        var body = JObject.Parse(await client.GetStringAsync("/healthz"));

        Assert.Equal("empty", (string?)body["store"]!["status"]);
        Assert.Equal(0, (int)body["store"]!["articles"]!);
        Assert.Contains("no articles", (string?)body["store"]!["reason"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_healthy_bot_reports_every_part_ok()
    {
        await using var bot = new BotHost(_data.Path);
        using var client = bot.CreateClient();

        using var health = await client.GetAsync("/healthz");
        var body = JObject.Parse(await health.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal("ok", (string?)body["parts"]!["stories"]!["status"]);
        Assert.Equal("ok", (string?)body["parts"]!["state"]!["status"]);
    }

    /// <summary>Writes until the file system refuses another byte.</summary>
    private static async Task FillAsync(string path)
    {
        var block = new byte[64 * 1024];
        await using var file = new FileStream(path, FileMode.Create, FileAccess.Write);
        try
        {
            while (true)
            {
                await file.WriteAsync(block);
                await file.FlushAsync();
            }
        }
        catch (IOException)
        {
            // Full.
        }

        try
        {
            await file.WriteAsync(block.AsMemory(0, 1));
            await file.FlushAsync();
        }
        catch (IOException)
        {
        }
    }


    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _data.Dispose();
    }
}
