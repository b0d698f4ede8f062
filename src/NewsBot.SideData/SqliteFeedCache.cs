using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NewsBot.Core.Ingestion;
using NewsBot.Core.Storage;

namespace NewsBot.SideData;

/// <summary>
/// Feeds as last read, with their validators, in <c>feeds.db</c> in the data directory (whichever store holds the
/// articles), so a feed read again by a later CLI run or after the bot restarts is asked for only if it changed.
/// A cache only: when the file cannot be used, feeds are simply downloaded in full.
/// </summary>
public sealed class SqliteFeedCache : IFeedCache
{
    public const string FileName = "feeds.db";

    private readonly string _directory;
    private readonly ILogger _logger;
    private volatile bool _initialized;

    public SqliteFeedCache(IOptions<VectorStoreOptions> store, ILogger<SqliteFeedCache> logger)
        : this(store.Value.ResolvedDataDirectory, logger)
    {
    }

    public SqliteFeedCache(string dataDirectory, ILogger? logger = null)
    {
        _directory = Path.GetFullPath(dataDirectory);
        _logger = logger ?? NullLogger.Instance;
    }

    public async Task<CachedFeed?> GetAsync(Uri requested, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var connection = await OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT final_url, media_type, charset, content, etag, last_modified FROM feeds WHERE url = $url";
            command.Parameters.AddWithValue("$url", requested.AbsoluteUri);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            if (!await reader.ReadAsync(cancellationToken))
            {
                return null;
            }

            return new CachedFeed(
                new Uri(reader.GetString(0)),
                reader.IsDBNull(1) ? null : reader.GetString(1),
                reader.IsDBNull(2) ? null : reader.GetString(2),
                (byte[])reader.GetValue(3),
                reader.IsDBNull(4) ? null : reader.GetString(4),
                reader.IsDBNull(5) ? null : DateTimeOffset.FromUnixTimeSeconds(reader.GetInt64(5)));
        }
        catch (SqliteException ex)
        {
            _logger.LogDebug(ex, "The feed cache at {Path} could not be read; the feed is downloaded in full", Path.Combine(_directory, FileName));
            return null;
        }
    }

    public async Task PutAsync(Uri requested, CachedFeed feed, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var connection = await OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = """
                INSERT INTO feeds (url, final_url, media_type, charset, content, etag, last_modified)
                VALUES ($url, $final, $type, $charset, $content, $etag, $modified)
                ON CONFLICT (url) DO UPDATE SET final_url = excluded.final_url, media_type = excluded.media_type, charset = excluded.charset,
                    content = excluded.content, etag = excluded.etag, last_modified = excluded.last_modified
                """;
            command.Parameters.AddWithValue("$url", requested.AbsoluteUri);
            command.Parameters.AddWithValue("$final", feed.Url.AbsoluteUri);
            command.Parameters.AddWithValue("$type", (object?)feed.MediaType ?? DBNull.Value);
            command.Parameters.AddWithValue("$charset", (object?)feed.Charset ?? DBNull.Value);
            command.Parameters.AddWithValue("$content", feed.Content);
            command.Parameters.AddWithValue("$etag", (object?)feed.ETag ?? DBNull.Value);
            command.Parameters.AddWithValue("$modified", feed.LastModified is { } modified ? modified.ToUnixTimeSeconds() : DBNull.Value);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (SqliteException ex)
        {
            _logger.LogDebug(ex, "The feed cache at {Path} could not be written; the feed is downloaded in full next time", Path.Combine(_directory, FileName));
        }
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = await SqliteFile.OpenAsync(Path.Combine(_directory, FileName), cancellationToken);
        try
        {
            if (!_initialized)
            {
                await using var command = connection.CreateCommand();
                command.CommandText = """
                    PRAGMA journal_mode = WAL;
                    CREATE TABLE IF NOT EXISTS feeds (
                        url TEXT PRIMARY KEY,
                        final_url TEXT NOT NULL,
                        media_type TEXT,
                        charset TEXT,
                        content BLOB NOT NULL,
                        etag TEXT,
                        last_modified INTEGER);
                    """;
                await command.ExecuteNonQueryAsync(cancellationToken);
                _initialized = true;
            }

            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }
}
