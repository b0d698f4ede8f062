using System.Text.Json;
using Microsoft.Data.Sqlite;
using NewsBot.Store.Embedded;
using NewsBot.Testing;
using Xunit;

namespace NewsBot.Cli.Tests;

/// <summary>A disk that fills up during an ingest: exit code 3, a message that says so, and the stored articles intact.</summary>
public sealed class DiskFullTests : IDisposable
{
    private readonly TempDirectory _disk = new();
    private readonly TempDirectory _input = new();
    private bool _mounted;

    [SkippableFact]
    public async Task Ingest_stops_with_exit_code_3_and_keeps_what_was_committed()
    {
        // A 600 KB file system: room for the first few articles only (needs root, as CI and the dev machines have).
        _mounted = Tmpfs.Mount(_disk.Path, "600K");
        Skip.IfNot(_mounted, "a small file system could not be mounted here (mount needs root)");
        var feed = _input.File("many.jsonl", string.Join('\n', Enumerable.Range(1, 200).Select(i =>
            JsonSerializer.Serialize(new { id = $"many-{i}", title = $"Council report {i}", source = "Test Courier", published_at = "2026-11-01T09:00:00Z", body = TestArticles.Long($"r{i}", 60).Body }))));

        var (exitCode, _, error) = await Cli.RunAsync("ingest", feed, "--data", _disk.Path);

        Assert.Equal(3, exitCode);
        Assert.Contains("is full", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(_disk.Path, EmbeddedNewsStore.FileName)};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check";
        Assert.Equal("ok", (string?)await command.ExecuteScalarAsync());
        command.CommandText = "SELECT COUNT(*) FROM articles WHERE id NOT IN (SELECT article_id FROM passages)";
        Assert.Equal(0L, (long)(await command.ExecuteScalarAsync())!);
    }


    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (_mounted)
        {
            Tmpfs.Unmount(_disk.Path);
        }

        _disk.Dispose();
        _input.Dispose();
    }
}
