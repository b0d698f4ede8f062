using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using NewsBot.Core.Articles;
using NewsBot.Core.Storage;
using NewsBot.Core.Stories;

namespace NewsBot.Store.Embedded;

/// <summary>
/// The copies index in its own SQLite file beside the store (<c>stories.db</c> in the data directory), whichever store
/// holds the articles. A new article is compared with the signatures of articles published within
/// <see cref="WindowDays"/> days of it (and undated ones); the first recorded copy of a text represents it.
/// </summary>
public sealed class SqliteStoryIndex : IStoryIndex
{
    public const string FileName = "stories.db";

    public const int WindowDays = 7;

    private readonly string _directory;
    private readonly string _connectionString;
    private readonly SemaphoreSlim _initLock = new(1, 1);
    private volatile bool _initialized;

    public SqliteStoryIndex(IOptions<VectorStoreOptions> options)
        : this(options.Value.ResolvedDataDirectory)
    {
    }

    public SqliteStoryIndex(string dataDirectory)
    {
        _directory = Path.GetFullPath(dataDirectory);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(_directory, FileName),
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
    }

    public Task<string> AddAsync(Article article, CancellationToken cancellationToken = default) =>
        GuardAsync(() => AddOrThrowAsync(article, cancellationToken));

    public Task RemoveAsync(string articleId, CancellationToken cancellationToken = default) =>
        GuardAsync(async () =>
        {
            await RemoveOrThrowAsync(articleId, cancellationToken);
            return true;
        });

    public Task<IReadOnlyDictionary<string, CopyGroup>> GroupsOfAsync(IReadOnlyCollection<string> articleIds, CancellationToken cancellationToken = default) =>
        GuardAsync(() => GroupsOfOrThrowAsync(articleIds, cancellationToken));

    public Task<(int Texts, int Duplicates)> CountAsync(CancellationToken cancellationToken = default) =>
        GuardAsync(() => CountOrThrowAsync(cancellationToken));

    private async Task<string> AddOrThrowAsync(Article article, CancellationToken cancellationToken)
    {
        var signature = WireCopySignature.Compute(article.Title + "\n" + article.Body);
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await ExecuteAsync(connection, transaction, "DELETE FROM copies WHERE article_id = $id", cancellationToken, ("$id", article.Id));

        var representative = article.Id;
        var best = WireCopySignature.CopyThreshold;
        await using (var command = connection.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = """
                SELECT representative_id, signature FROM copies
                WHERE $at IS NULL OR published_at IS NULL OR published_at BETWEEN $from AND $to
                """;
            var at = article.PublishedAt?.ToUnixTimeSeconds();
            command.Parameters.AddWithValue("$at", (object?)at ?? DBNull.Value);
            command.Parameters.AddWithValue("$from", (object?)(at - (WindowDays * 86_400)) ?? DBNull.Value);
            command.Parameters.AddWithValue("$to", (object?)(at + (WindowDays * 86_400)) ?? DBNull.Value);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var similarity = WireCopySignature.Similarity(signature, WireCopySignature.FromBytes((byte[])reader["signature"]));
                if (similarity >= best)
                {
                    (best, representative) = (similarity, reader.GetString(0));
                }
            }
        }

        await ExecuteAsync(connection, transaction, """
            INSERT INTO copies (article_id, representative_id, source, published_at, signature)
            VALUES ($id, $representative, $source, $published, $signature)
            """, cancellationToken,
            ("$id", article.Id), ("$representative", representative), ("$source", article.Source),
            ("$published", article.PublishedAt?.ToUnixTimeSeconds()), ("$signature", WireCopySignature.ToBytes(signature)));
        await transaction.CommitAsync(cancellationToken);
        return representative;
    }

    private async Task RemoveOrThrowAsync(string articleId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await ExecuteAsync(connection, transaction, "DELETE FROM copies WHERE article_id = $id", cancellationToken, ("$id", articleId));

        // The next copy of a removed representative's text represents it now.
        await ExecuteAsync(connection, transaction, """
            UPDATE copies SET representative_id = (
                SELECT MIN(article_id) FROM copies AS c WHERE c.representative_id = $id)
            WHERE representative_id = $id
            """, cancellationToken, ("$id", articleId));
        await transaction.CommitAsync(cancellationToken);
    }

    private async Task<IReadOnlyDictionary<string, CopyGroup>> GroupsOfOrThrowAsync(IReadOnlyCollection<string> articleIds, CancellationToken cancellationToken)
    {
        var groups = new Dictionary<string, CopyGroup>(StringComparer.Ordinal);
        if (articleIds.Count == 0)
        {
            return groups;
        }

        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        var names = articleIds.Select((_, i) => "$a" + i).ToArray();
        command.CommandText = $"""
            SELECT m.article_id, c.article_id, c.source, c.published_at, c.representative_id
            FROM copies AS m JOIN copies AS c ON c.representative_id = m.representative_id
            WHERE m.article_id IN ({string.Join(", ", names)})
            ORDER BY m.article_id, c.article_id = c.representative_id DESC, c.published_at
            """;
        foreach (var (name, id) in names.Zip(articleIds))
        {
            command.Parameters.AddWithValue(name, id);
        }

        var rows = new List<(string Member, CopyOf Copy, string Representative)>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var published = reader.IsDBNull(3) ? (DateTimeOffset?)null : DateTimeOffset.FromUnixTimeSeconds(reader.GetInt64(3));
                rows.Add((reader.GetString(0), new CopyOf(reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2), published), reader.GetString(4)));
            }
        }

        foreach (var member in rows.GroupBy(r => r.Member))
        {
            groups[member.Key] = new CopyGroup(member.First().Representative, member.Select(r => r.Copy).ToArray());
        }

        return groups;
    }

    private async Task<(int Texts, int Duplicates)> CountOrThrowAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(DISTINCT representative_id), COUNT(*) - COUNT(DISTINCT representative_id) FROM copies";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return (reader.GetInt32(0), reader.GetInt32(1));
    }

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
        26 => new StoreUnavailableException($"{Path.Combine(_directory, FileName)} is not a NewsBot copies index (the file is not a SQLite database). Move it away; it is rebuilt on the next ingest.", ex),
        _ => new StoreUnavailableException($"The copies index at {Path.Combine(_directory, FileName)} failed: {ex.Message}", ex),
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
        Directory.CreateDirectory(_directory);
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        if (!_initialized)
        {
            await _initLock.WaitAsync(cancellationToken);
            try
            {
                if (!_initialized)
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
                        """, cancellationToken);
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

    private static async Task ExecuteAsync(SqliteConnection connection, SqliteTransaction? transaction, string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
