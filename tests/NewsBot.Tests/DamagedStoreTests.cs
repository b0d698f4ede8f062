using System.Net;
using Microsoft.Data.Sqlite;
using NewsBot.Testing;
using Newtonsoft.Json.Linq;
using Xunit;

namespace NewsBot.Tests;

/// <summary>A damaged store never stops the host: /healthz says 503 with a reason (and no path), questions get an apology.</summary>
public sealed class DamagedStoreTests : IDisposable
{
    private readonly TempDirectory _data = new();

    private string Database => Path.Combine(_data.Path, "newsbot.db");

    [Fact]
    public async Task A_file_that_is_not_a_database_leaves_the_host_up_and_unhealthy()
    {
        await File.WriteAllBytesAsync(Database, System.Text.Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("this is not a NewsBot store ", 400))));

        await AssertUnhealthyButPoliteAsync();
    }

    [Fact]
    public async Task A_damaged_search_index_makes_health_fail_although_the_counts_still_read()
    {
        await using (var seeded = new BotHost(_data.Path))
        {
            Assert.Equal(HttpStatusCode.OK, (await seeded.CreateClient().GetAsync("/healthz")).StatusCode);
        }

        SqliteConnection.ClearAllPools();
        long rootPage, pageSize;
        await using (var connection = new SqliteConnection($"Data Source={Database};Pooling=false"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE); SELECT rootpage FROM sqlite_master WHERE name = 'passages_fts_data'; ";
            await using (var reader = await command.ExecuteReaderAsync())
            {
                await reader.NextResultAsync();
                await reader.ReadAsync();
                rootPage = reader.GetInt64(0);
            }

            command.CommandText = "PRAGMA page_size";
            pageSize = (long)(await command.ExecuteScalarAsync())!;
        }

        await using (var file = new FileStream(Database, FileMode.Open, FileAccess.Write))
        {
            file.Position = (rootPage - 1) * pageSize;
            await file.WriteAsync(Enumerable.Repeat((byte)0xA5, (int)pageSize).ToArray());
        }

        await AssertUnhealthyButPoliteAsync();
    }

    private async Task AssertUnhealthyButPoliteAsync()
    {
        await using var bot = new BotHost(_data.Path);
        using var client = bot.CreateClient();

        using var health = await client.GetAsync("/healthz");
        var body = await health.Content.ReadAsStringAsync();
        var reply = (await bot.RepliesAsync(BotHost.Message("Who won the coastal football league?"))).Last(a => (string?)a["type"] == "message");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        Assert.Contains("unavailable", (string?)JObject.Parse(body)["store"]!["reason"], StringComparison.Ordinal);
        Assert.DoesNotContain(_data.Path, body, StringComparison.Ordinal);
        Assert.DoesNotContain("SQLite Error", body, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Sorry", (string?)reply["text"], StringComparison.Ordinal);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _data.Dispose();
    }
}
