using System.Diagnostics;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using NewsBot.Store.Embedded;
using NewsBot.Testing;
using Xunit;

namespace NewsBot.Cli.Tests;

/// <summary>kill -9 in the middle of an ingest, three times: nothing stored is lost, nothing is half-stored, and a rerun completes.</summary>
public sealed class CrashSafetyTests : IDisposable
{
    private const int Articles = 40;
    private readonly TempDirectory _data = new();
    private readonly TempDirectory _input = new();

    [Fact]
    public async Task An_ingest_killed_midway_leaves_whole_articles_and_a_rerun_finishes_without_duplicates()
    {
        var feed = _input.File("long.jsonl", string.Join('\n', Enumerable.Range(1, Articles).Select(i =>
            JsonSerializer.Serialize(new { id = $"long-{i}", title = $"Council report {i}", source = "Test Courier", published_at = "2026-11-01T09:00:00Z", body = TestArticles.Long($"r{i}", 60).Body }))));

        // Killed three times, each time a little further in.
        foreach (var atLeast in new[] { 3, 6, 9 })
        {
            using var ingest = StartIngest(feed);
            var deadline = Stopwatch.StartNew();
            while (await CountAsync("SELECT COUNT(*) FROM articles") < atLeast && deadline.Elapsed < TimeSpan.FromMinutes(3) && !ingest.HasExited)
            {
                await Task.Delay(50);
            }

            Assert.False(ingest.HasExited, "the ingest finished before it could be interrupted");
            ingest.Kill(entireProcessTree: true);
            await ingest.WaitForExitAsync();
        }

        var storedBeforeCrash = await CountAsync("SELECT COUNT(*) FROM articles");
        Assert.InRange(storedBeforeCrash, 9, Articles - 1);
        var passagesPerArticle = await CountAsync("SELECT MAX(n) FROM (SELECT COUNT(*) AS n FROM passages GROUP BY article_id)");
        Assert.Equal(0, await CountAsync($"SELECT COUNT(*) FROM (SELECT article_id, COUNT(*) AS n FROM passages GROUP BY article_id HAVING n <> {passagesPerArticle})"));
        Assert.Equal(0, await CountAsync("SELECT COUNT(*) FROM articles WHERE id NOT IN (SELECT article_id FROM passages)"));

        var rerun = await Cli.JsonAsync("ingest", feed, "--data", _data.Path, "--json");

        Assert.Equal(storedBeforeCrash, rerun.GetProperty("unchanged").GetInt32());
        Assert.Equal(Articles - storedBeforeCrash, rerun.GetProperty("new").GetInt32());
        Assert.Equal(Articles, await CountAsync("SELECT COUNT(*) FROM articles"));
        Assert.Equal(Articles * passagesPerArticle, await CountAsync("SELECT COUNT(*) FROM passages"));
        Assert.Equal(Articles * passagesPerArticle, await CountAsync("SELECT COUNT(*) FROM passages_fts WHERE passages_fts MATCH 'council'"));
    }

    private Process StartIngest(string feed)
    {
        // The CLI as a user runs it: from its own build output, with its own dependencies (this test project's
        // output shares the ASP.NET Core framework with the test helpers and drops assemblies that framework holds).
        var cli = RepositoryPaths.Built("src/NewsBot.Cli", "newsbot.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { cli, "ingest", feed, "--data", _data.Path, "--json" })
        {
            start.ArgumentList.Add(arg);
        }

        return Process.Start(start)!;
    }

    private async Task<long> CountAsync(string sql)
    {
        var path = Path.Combine(_data.Path, EmbeddedNewsStore.FileName);
        if (!File.Exists(path))
        {
            return 0;
        }

        await using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        try
        {
            return Convert.ToInt64(await command.ExecuteScalarAsync() ?? 0L, System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (SqliteException)
        {
            return 0; // The schema is not there yet.
        }
    }

    public void Dispose()
    {
        _data.Dispose();
        _input.Dispose();
    }
}
