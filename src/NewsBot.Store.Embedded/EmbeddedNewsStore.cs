using Microsoft.Extensions.Options;
using NewsBot.Core.Storage;

namespace NewsBot.Store.Embedded;

/// <summary>
/// The default store: one SQLite file in the data directory, written in WAL mode with one transaction per article,
/// so a crash never leaves half an article and other processes (the bot while the CLI ingests) read safely.
/// </summary>
public sealed partial class EmbeddedNewsStore : INewsStore, IStoreCreation, IDisposable
{
    public const string FileName = "newsbot.db";

    /// <summary>The approximate index kept beside the store (<see cref="ApproximateIndex"/>), with its description in <c>newsbot.hnsw.json</c>.</summary>
    public const string IndexFileName = "newsbot.hnsw";

    private readonly int _keptDeletions;
    private readonly SemaphoreSlim _initLock = new(1, 1);
    private volatile bool _initialized;
    private readonly VectorCache _vectors;
    private readonly KeywordIndexCache _keywords;
    private readonly OutletListCache _outlets;
    private readonly PassageHitCache _hits = new();

    public EmbeddedNewsStore(IOptions<VectorStoreOptions> options, TimeProvider? time = null)
        : this(options.Value.ResolvedDataDirectory, SqliteSchema.KeptDeletions, time, options.Value.ApproximateFrom)
    {
    }

    public EmbeddedNewsStore(string dataDirectory)
        : this(dataDirectory, SqliteSchema.KeptDeletions)
    {
    }

    /// <param name="keptDeletions">Passage deletions this store's writes keep logged for readers catching up.</param>
    /// <param name="approximateFrom">From this many passages an approximate index proposes the candidates (<see cref="VectorStoreOptions.ApproximateFrom"/>).</param>
    /// <param name="keywordIndexUpTo">Up to this many passages keyword search runs on an in-memory copy of the full-text index (<see cref="KeywordIndexCache"/>); 0 keeps it in SQLite.</param>
    /// <param name="graphSegmentPassages">Passages per segment of the approximate index (<see cref="ApproximateIndex"/>).</param>
    internal EmbeddedNewsStore(
        string dataDirectory, int keptDeletions, TimeProvider? time = null, int approximateFrom = VectorCache.ApproximateFromDefault,
        int keywordIndexUpTo = KeywordIndexCache.UpToDefault, int graphSegmentPassages = ApproximateIndex.SegmentPassagesDefault)
    {
        _vectors = new VectorCache(Path.Combine(Path.GetFullPath(dataDirectory), IndexFileName), OpenAsync, approximateFrom, graphSegmentPassages);
        _keywords = new KeywordIndexCache(keywordIndexUpTo, time);
        _keptDeletions = keptDeletions;
        _outlets = new OutletListCache(time);
        DataDirectory = Path.GetFullPath(dataDirectory);
        DatabasePath = Path.Combine(DataDirectory, FileName);
        ExistedBefore = File.Exists(DatabasePath);
    }

    /// <summary>Completes when the approximate index work started so far is done.</summary>
    internal Task ApproximateIndexing => _vectors.Indexing;

    /// <summary>The approximate index, when one is ready.</summary>
    internal ApproximateIndex? ApproximateGraph => _vectors.Graph;

    /// <summary>How many passage vectors the store holds in memory (the others are read from the file when needed).</summary>
    internal int HeldVectors => _vectors.Held;

    public void Dispose()
    {
        _vectors.Dispose();
        _hits.Dispose();
    }

    /// <summary>Whether newsbot.db was there when this store was made (before SQLite would create it).</summary>
    public bool ExistedBefore { get; }

    public string Location => DatabasePath;

    public string DataDirectory { get; }

    public string DatabasePath { get; }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        if (!_initialized)
        {
            await InitializeAsync(cancellationToken);
        }

        return await OpenConnectionAsync(cancellationToken);
    }

    private async Task<SqliteConnection> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        SqliteConnection? connection = null;
        try
        {
            connection = await SqliteFile.OpenAsync(DatabasePath, cancellationToken);
            await ExecuteAsync(connection, "PRAGMA foreign_keys = ON; PRAGMA synchronous = FULL; PRAGMA busy_timeout = 30000; PRAGMA mmap_size = 268435456;", cancellationToken);
            return connection;
        }
        catch (SqliteException ex)
        {
            if (connection is not null)
            {
                await connection.DisposeAsync();
            }

            throw Unavailable(ex);
        }
    }

    private async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await _initLock.WaitAsync(cancellationToken);
        try
        {
            if (_initialized)
            {
                return;
            }

            try
            {
                Directory.CreateDirectory(DataDirectory);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new StoreUnavailableException($"Cannot create the data directory {DataDirectory}: {ex.Message}", ex);
            }

            await using var connection = await OpenConnectionAsync(cancellationToken);
            try
            {
                await ExecuteAsync(connection, "PRAGMA journal_mode = WAL;", cancellationToken);
                await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
                await ExecuteAsync(connection, SqliteSchema.Create, cancellationToken, transaction);
                var version = await ScalarAsync(connection, "SELECT value FROM meta WHERE key = 'schema_version'", cancellationToken, transaction);
                if (version != SqliteSchema.Version.ToString(System.Globalization.CultureInfo.InvariantCulture))
                {
                    throw new StoreUnavailableException($"The store at {DatabasePath} has schema version {version}; this NewsBot reads version {SqliteSchema.Version}.");
                }

                await AddMissingColumnsAsync(connection, transaction, cancellationToken);

                await transaction.CommitAsync(cancellationToken);
            }
            catch (SqliteException ex)
            {
                throw Unavailable(ex);
            }

            _initialized = true;
        }
        finally
        {
            _initLock.Release();
        }
    }

    /// <summary>Adds the nullable columns newer than the file (<see cref="SqliteSchema.AddedColumns"/>), in the opening transaction.</summary>
    private static async Task AddMissingColumnsAsync(SqliteConnection connection, SqliteTransaction transaction, CancellationToken cancellationToken)
    {
        foreach (var (table, column, definition) in SqliteSchema.AddedColumns)
        {
            var present = await ScalarAsync(connection, $"SELECT COUNT(*) FROM pragma_table_info('{table}') WHERE name = '{column}'", cancellationToken, transaction);
            if (present == "0")
            {
                await ExecuteAsync(connection, $"ALTER TABLE {table} ADD COLUMN {column} {definition}", cancellationToken, transaction);
            }
        }
    }

    private StoreUnavailableException Unavailable(SqliteException ex) => ex.SqliteErrorCode switch
    {
        26 => new StoreUnavailableException($"{DatabasePath} is not a NewsBot store (the file is not a SQLite database). Move it away or choose another --data directory.", ex),
        13 => new StoreUnavailableException($"The disk holding the store at {DataDirectory} is full: the article being written was not stored, and everything stored before is intact. Free some space and run the same ingest again.", ex),
        8 or 14 => new StoreUnavailableException($"Cannot open the store at {DatabasePath} for writing: {ex.Message}", ex),
        _ => new StoreUnavailableException($"The store at {DatabasePath} failed: {ex.Message}", ex),
    };
}
