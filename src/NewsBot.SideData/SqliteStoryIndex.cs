using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using NewsBot.Core.Storage;
using NewsBot.Core.Stories;

namespace NewsBot.SideData;

/// <summary>
/// The story index in its own SQLite file beside the store (<c>stories.db</c> in the data directory), whichever store
/// holds the articles: copies of one text, stories, arrivals and earlier versions. A new article is compared with the
/// articles published within a few days of it (and undated ones); the first recorded copy of a text represents it.
/// </summary>
public sealed partial class SqliteStoryIndex : IStoryIndex, IHealthProbe
{
    public const string FileName = "stories.db";

    /// <summary>Copies of one text are looked for among articles published this many days either side.</summary>
    public const int WindowDays = 7;

    /// <summary>Arrivals are kept this long: long enough for any alert or briefing to have read them.</summary>
    public const int ArrivalDays = 30;

    /// <summary>Earlier versions kept per article.</summary>
    public const int VersionsKept = 20;

    private readonly string _directory;
    private readonly StoryOptions _options;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _initLock = new(1, 1);
    private volatile bool _initialized;

    public SqliteStoryIndex(IOptions<VectorStoreOptions> store, IOptions<StoryOptions> options, TimeProvider time)
        : this(store.Value.ResolvedDataDirectory, options.Value, time)
    {
    }

    public SqliteStoryIndex(string dataDirectory, StoryOptions? options = null, TimeProvider? time = null)
    {
        _directory = Path.GetFullPath(dataDirectory);
        _options = options ?? new StoryOptions();
        _time = time ?? TimeProvider.System;
    }

    public string Part => "stories";

    /// <summary>Reads every table of the index, as answering does: a damaged or unreadable file fails here.</summary>
    public Task ProbeAsync(CancellationToken cancellationToken) =>
        GuardAsync(async () =>
        {
            await using var connection = await OpenAsync(cancellationToken);
            await using var command = Command(connection, null, "SELECT (SELECT COUNT(*) FROM copies) + (SELECT COUNT(*) FROM arrivals) + (SELECT COUNT(*) FROM versions)");
            return await command.ExecuteScalarAsync(cancellationToken);
        });

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await OpenOrThrowAsync(cancellationToken);
        }
        catch (SqliteException ex)
        {
            throw Unavailable(ex);
        }
    }

    /// <summary>The same errors, and words, as the store's own: a full disk, a file that is not SQLite, no write access.</summary>
    private StoreUnavailableException Unavailable(SqliteException ex) => ex.SqliteErrorCode switch
    {
        13 => new StoreUnavailableException($"The disk holding the store at {_directory} is full: the article being written was not recorded, and everything stored before is intact. Free some space and run the same ingest again.", ex),
        26 => new StoreUnavailableException($"{Path.Combine(_directory, FileName)} is not a NewsBot story index (the file is not a SQLite database). Move it away; it is rebuilt on the next ingest.", ex),
        _ => new StoreUnavailableException($"The story index at {Path.Combine(_directory, FileName)} failed: {ex.Message}", ex),
    };

    private async Task<T> GuardAsync<T>(Func<Task<T>> operation)
    {
        try
        {
            return await operation();
        }
        catch (SqliteException ex)
        {
            throw Unavailable(ex);
        }
    }

    private async Task<SqliteConnection> OpenOrThrowAsync(CancellationToken cancellationToken)
    {
        var connection = await SqliteFile.OpenAsync(Path.Combine(_directory, FileName), cancellationToken);
        if (!_initialized)
        {
            await _initLock.WaitAsync(cancellationToken);
            try
            {
                if (!_initialized)
                {
                    await CreateSchemaAsync(connection, cancellationToken);
                    _initialized = true;
                }
            }
            finally
            {
                _initLock.Release();
            }
        }

        return connection;
    }

    /// <summary>Creates the tables; an index written before stories were kept gets the new columns, its rows recorded again on the next ingest.</summary>
    private static async Task CreateSchemaAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await ExecuteAsync(connection, null, """
            PRAGMA journal_mode = WAL;
            CREATE TABLE IF NOT EXISTS copies (
                article_id TEXT PRIMARY KEY,
                representative_id TEXT NOT NULL,
                source TEXT,
                published_at INTEGER,
                signature BLOB NOT NULL);
            CREATE INDEX IF NOT EXISTS copies_representative ON copies (representative_id);
            CREATE INDEX IF NOT EXISTS copies_published ON copies (published_at);
            CREATE TABLE IF NOT EXISTS arrivals (
                sequence INTEGER PRIMARY KEY AUTOINCREMENT,
                article_id TEXT NOT NULL,
                updated INTEGER NOT NULL,
                recorded_at INTEGER NOT NULL);
            CREATE TABLE IF NOT EXISTS versions (
                article_id TEXT NOT NULL,
                title TEXT NOT NULL,
                body TEXT NOT NULL,
                published_at INTEGER,
                replaced_at INTEGER NOT NULL);
            CREATE INDEX IF NOT EXISTS versions_article ON versions (article_id);
            """, cancellationToken);

        await using var probe = connection.CreateCommand();
        probe.CommandText = "SELECT COUNT(*) FROM pragma_table_info('copies') WHERE name = 'story_id'";
        if ((long)(await probe.ExecuteScalarAsync(cancellationToken))! == 0)
        {
            await ExecuteAsync(connection, null, """
                ALTER TABLE copies ADD COLUMN story_id TEXT;
                ALTER TABLE copies ADD COLUMN title TEXT;
                ALTER TABLE copies ADD COLUMN url TEXT;
                ALTER TABLE copies ADD COLUMN content_hash TEXT;
                ALTER TABLE copies ADD COLUMN vector BLOB;
                ALTER TABLE copies ADD COLUMN names TEXT;
                """, cancellationToken);
        }

        await ExecuteAsync(connection, null, "CREATE INDEX IF NOT EXISTS copies_story ON copies (story_id);", cancellationToken);
    }

    private static async Task ExecuteAsync(SqliteConnection connection, SqliteTransaction? transaction, string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(connection, transaction, sql, parameters);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction? transaction, string sql, params (string Name, object? Value)[] parameters) =>
        SqliteCommands.Create(connection, sql, parameters, transaction);

    /// <summary>Parameters $a0, $a1, … for a list of ids, and the SQL list that names them.</summary>
    private static (string List, (string, object?)[] Parameters) IdList(IReadOnlyCollection<string> ids)
    {
        var parameters = ids.Select((id, i) => ("$a" + i, (object?)id)).ToArray();
        return (string.Join(", ", parameters.Select(p => p.Item1)), parameters);
    }

    private static DateTimeOffset? Date(SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : DateTimeOffset.FromUnixTimeSeconds(reader.GetInt64(ordinal));

    private static string? Text(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
