using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Bot.Builder;
using Microsoft.Data.Sqlite;
using NewsBot.SideData;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Newtonsoft.Json.Serialization;

namespace NewsBot.State;

/// <summary>
/// Bot state (conversation history) in a SQLite file beside the news store, so conversations survive restarts.
/// Honours ETags like the Bot Framework's own storages: a write with a stale ETag fails instead of overwriting.
/// State is plain JSON without type names (the Bot Framework reads it back as JSON into NewsBot's own types), so a
/// stored row can never make the bot create an object of a type it names. Each row records when it was last
/// written, and <see cref="PruneAsync"/> deletes the ones untouched for longer than the retention.
/// Writes to one file take turns in the process (an awaited gate) instead of meeting SQLite's busy lock, whose
/// retry sleeps 150 ms at a time: under 20 concurrent conversations that sleep was most of a slow turn.
/// When the file cannot be read or written (damaged, a full disk), a turn goes on without its history rather than
/// failing: the reader still gets an answer, the log says why once a minute, and /healthz reports the part
/// (<see cref="ProbeAsync"/> reads and writes it for real).
/// </summary>
public sealed class SqliteBotStorage : IStorage, NewsBot.Core.Storage.IHealthProbe
{
    private readonly SqliteDatabase _database;
    private readonly JsonSerializer _serializer = JsonSerializer.Create(new JsonSerializerSettings { TypeNameHandling = TypeNameHandling.None });
    private readonly TimeProvider _time;

    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Writers = new(StringComparer.Ordinal);

    private readonly SemaphoreSlim _writer;

    private readonly ILogger? _logger;
    private readonly NewsBot.Core.Telemetry.OncePerMinute _warnings;

    private readonly string _path;

    public SqliteBotStorage(string path, TimeProvider? time = null, ILogger<SqliteBotStorage>? logger = null)
    {
        _path = path;
        _logger = logger;
        _time = time ?? TimeProvider.System;
        _warnings = new NewsBot.Core.Telemetry.OncePerMinute(_time);
        _writer = Writers.GetOrAdd(Path.GetFullPath(path), _ => new SemaphoreSlim(1, 1));
        _database = new SqliteDatabase(path,
            "PRAGMA journal_mode = WAL; CREATE TABLE IF NOT EXISTS bot_state (key TEXT PRIMARY KEY, etag TEXT NOT NULL, json TEXT NOT NULL, updated_at INTEGER NOT NULL DEFAULT 0);",
            AddUpdatedAtAsync);
    }

    public string Part => "state";

    /// <summary>The free space below which the disk counts as full: SQLite reuses its log's pages, so a small write can still pass.</summary>
    public const long MinimumFreeBytes = 1024 * 1024;

    /// <summary>A real read of the state table and a real write of one small row, and room on the disk: a damaged file or a full disk fails here.</summary>
    public async Task ProbeAsync(CancellationToken cancellationToken)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(_path))!;
        var free = new DriveInfo(directory).AvailableFreeSpace;
        if (free < MinimumFreeBytes)
        {
            throw new IOException($"The disk holding {_path} is full ({free:N0} bytes free).");
        }

        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT COUNT(*) FROM bot_state;
            CREATE TABLE IF NOT EXISTS health_probe (id INTEGER PRIMARY KEY, at INTEGER NOT NULL);
            INSERT INTO health_probe (id, at) VALUES (1, $at) ON CONFLICT (id) DO UPDATE SET at = excluded.at;
            """;
        command.Parameters.AddWithValue("$at", _time.GetUtcNow().ToUnixTimeMilliseconds());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        try
        {
            return await ReadOrThrowAsync(keys, cancellationToken);
        }
        catch (SqliteException ex)
        {
            Degraded("read", ex);
            return new Dictionary<string, object>();
        }
    }

    private async Task<IDictionary<string, object>> ReadOrThrowAsync(string[] keys, CancellationToken cancellationToken)
    {
        var result = new Dictionary<string, object>();
        await using var connection = await _database.OpenAsync(cancellationToken);
        foreach (var key in keys)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT etag, json FROM bot_state WHERE key = $key";
            command.Parameters.AddWithValue("$key", key);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            if (await reader.ReadAsync(cancellationToken))
            {
                var item = JObject.Parse(reader.GetString(1));
                item.Remove("$type");
                item["eTag"] = reader.GetString(0);
                result[key] = item.ToObject<Dictionary<string, object>>(_serializer)!;
            }
        }

        return result;
    }

    public async Task WriteAsync(IDictionary<string, object> changes, CancellationToken cancellationToken = default)
    {
        try
        {
                await _writer.WaitAsync(cancellationToken);
            try
            {
                await WriteOneAtATimeAsync(changes, cancellationToken);
            }
            finally
            {
                _writer.Release();
            }
        }
        catch (SqliteException ex)
        {
            Degraded("written", ex);
        }
    }

    /// <summary>One warning a minute at most: every turn reads and writes the state.</summary>
    private void Degraded(string what, SqliteException ex)
    {
        if (_warnings.Take())
        {
            _logger?.LogWarning("Conversation state could not be {What}; turns go on without their history: {Reason}", what, ex.Message);
        }
    }

    private async Task WriteOneAtATimeAsync(IDictionary<string, object> changes, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: false);
        foreach (var (key, value) in changes)
        {
            var expected = (value as IStoreItem)?.ETag ?? JObject.FromObject(value, _serializer)["eTag"]?.ToString();
            await using var read = connection.CreateCommand();
            read.Transaction = transaction;
            read.CommandText = "SELECT etag FROM bot_state WHERE key = $key";
            read.Parameters.AddWithValue("$key", key);
            var current = (string?)await read.ExecuteScalarAsync(cancellationToken);
            if (current is not null && !string.IsNullOrEmpty(expected) && expected != "*" && expected != current)
            {
                throw new InvalidOperationException($"Etag conflict: the state '{key}' was changed by another turn (stored {current}, written {expected}).");
            }

            var json = JObject.FromObject(value, _serializer);
            json.Remove("eTag");
            await using var write = connection.CreateCommand();
            write.Transaction = transaction;
            write.CommandText = "INSERT INTO bot_state (key, etag, json, updated_at) VALUES ($key, $etag, $json, $at) ON CONFLICT (key) DO UPDATE SET etag = excluded.etag, json = excluded.json, updated_at = excluded.updated_at";
            write.Parameters.AddWithValue("$at", _time.GetUtcNow().ToUnixTimeSeconds());
            write.Parameters.AddWithValue("$key", key);
            write.Parameters.AddWithValue("$etag", DateTime.UtcNow.Ticks.ToString(CultureInfo.InvariantCulture) + Guid.NewGuid().ToString("N")[..6]);
            write.Parameters.AddWithValue("$json", json.ToString(Formatting.None));
            await write.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    public async Task DeleteAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        foreach (var key in keys)
        {
            await _database.ExecuteAsync("DELETE FROM bot_state WHERE key = $key", cancellationToken, ("$key", key));
        }
    }

    /// <summary>Deletes the state of conversations not written to since <paramref name="before"/>; returns how many.</summary>
    public Task<int> PruneAsync(DateTimeOffset before, CancellationToken cancellationToken = default) =>
        _database.ExecuteAsync("DELETE FROM bot_state WHERE updated_at < $before", cancellationToken, ("$before", before.ToUnixTimeSeconds()));

    /// <summary>A table written before rows were dated gets the column, its rows counting as written now.</summary>
    private async Task AddUpdatedAtAsync(SqliteConnection connection)
    {
        if (await SqliteCommands.ScalarAsync(connection, "SELECT COUNT(*) FROM pragma_table_info('bot_state') WHERE name = 'updated_at'", CancellationToken.None) == "0")
        {
            await using var alter = SqliteCommands.Create(connection, "ALTER TABLE bot_state ADD COLUMN updated_at INTEGER NOT NULL DEFAULT 0; UPDATE bot_state SET updated_at = $now;",
                [("$now", _time.GetUtcNow().ToUnixTimeSeconds())]);
            await alter.ExecuteNonQueryAsync();
        }
    }
}
