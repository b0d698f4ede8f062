using System.Globalization;
using Microsoft.Bot.Builder;
using Microsoft.Data.Sqlite;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Newtonsoft.Json.Serialization;

namespace NewsBot.State;

/// <summary>
/// Bot state (conversation history) in a SQLite file beside the news store, so conversations survive restarts.
/// Honours ETags like the Bot Framework's own storages: a write with a stale ETag fails instead of overwriting.
/// </summary>
public sealed class SqliteBotStorage : IStorage
{
    private readonly string _connectionString;
    private readonly JsonSerializer _serializer = JsonSerializer.Create(new JsonSerializerSettings
    {
        TypeNameHandling = TypeNameHandling.All,
        SerializationBinder = new NewsBotTypesOnly(),
    });

    private readonly Lazy<Task> _schema;

    public SqliteBotStorage(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        _connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = true, DefaultTimeout = 30 }.ToString();
        _schema = new Lazy<Task>(() => ExecuteAsync("PRAGMA journal_mode = WAL; CREATE TABLE IF NOT EXISTS bot_state (key TEXT PRIMARY KEY, etag TEXT NOT NULL, json TEXT NOT NULL);", CancellationToken.None));
    }

    public async Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        await _schema.Value;
        var result = new Dictionary<string, object>();
        await using var connection = await OpenAsync(cancellationToken);
        foreach (var key in keys)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT etag, json FROM bot_state WHERE key = $key";
            command.Parameters.AddWithValue("$key", key);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            if (await reader.ReadAsync(cancellationToken))
            {
                var item = JObject.Parse(reader.GetString(1));
                item["eTag"] = reader.GetString(0);
                result[key] = item.ToObject<object>(_serializer)!;
            }
        }

        return result;
    }

    public async Task WriteAsync(IDictionary<string, object> changes, CancellationToken cancellationToken = default)
    {
        await _schema.Value;
        await using var connection = await OpenAsync(cancellationToken);
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
            write.CommandText = "INSERT INTO bot_state (key, etag, json) VALUES ($key, $etag, $json) ON CONFLICT (key) DO UPDATE SET etag = excluded.etag, json = excluded.json";
            write.Parameters.AddWithValue("$key", key);
            write.Parameters.AddWithValue("$etag", DateTime.UtcNow.Ticks.ToString(CultureInfo.InvariantCulture) + Guid.NewGuid().ToString("N")[..6]);
            write.Parameters.AddWithValue("$json", json.ToString(Formatting.None));
            await write.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    public async Task DeleteAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        await _schema.Value;
        await using var connection = await OpenAsync(cancellationToken);
        foreach (var key in keys)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "DELETE FROM bot_state WHERE key = $key";
            command.Parameters.AddWithValue("$key", key);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private async Task ExecuteAsync(string sql, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    /// <summary>State names its types (as the Bot Framework storages do); only NewsBot's, the Bot Framework's and the base library's are read back.</summary>
    private sealed class NewsBotTypesOnly : DefaultSerializationBinder
    {
        public override Type BindToType(string? assemblyName, string typeName)
        {
            var type = base.BindToType(assemblyName, typeName);
            var name = type.Assembly.GetName().Name ?? "";
            return name.StartsWith("NewsBot", StringComparison.Ordinal) || name.StartsWith("Microsoft.Bot", StringComparison.Ordinal)
                || type.Assembly == typeof(object).Assembly || name.StartsWith("System.", StringComparison.Ordinal)
                ? type
                : throw new JsonSerializationException($"Bot state may not hold type {typeName}.");
        }
    }
}
