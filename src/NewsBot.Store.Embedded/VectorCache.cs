using System.Globalization;

namespace NewsBot.Store.Embedded;

/// <summary>
/// The store's vectors in memory for exact search, kept in step with the file: a write by any process bumps the
/// store's generation, and the next search catches up with the passages added and the deletions logged since the
/// snapshot (or reads every vector again when the snapshot is older than the deletions kept).
/// </summary>
/// <param name="indexPath">Where the approximate index is kept between runs (beside the store's file).</param>
internal sealed class VectorCache(string indexPath, int approximateFrom = VectorCache.ApproximateFromDefault) : IDisposable
{
    /// <summary>From this many passages an approximate index (<see cref="ApproximateIndex"/>) proposes the candidates.</summary>
    public const int ApproximateFromDefault = 1_000_000;

    /// <summary>The graph is brought up to date once this many passages were added after it.</summary>
    private const int CatchUpAfter = 10_000;

    private readonly SemaphoreSlim _lock = new(1, 1);
    private volatile VectorSnapshot _snapshot = VectorSnapshot.Empty;
    private volatile ApproximateIndex? _graph;
    private Task _indexing = Task.CompletedTask;
    private string _storeId = "";

    /// <summary>The approximate index when it is ready (null below <c>approximateFrom</c> passages, or while it is built).</summary>
    public ApproximateIndex? Graph => _graph;

    /// <summary>Completes when the index work started so far is done (for tests and benchmarks).</summary>
    public Task Indexing => _indexing;

    /// <summary>The in-memory vectors, reloaded when any process has written since they were read.</summary>
    public async Task<VectorSnapshot> CurrentAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        var generation = await SqliteSchema.GenerationAsync(connection, cancellationToken);
        if (_snapshot.Generation == generation)
        {
            return _snapshot;
        }

        await _lock.WaitAsync(cancellationToken);
        try
        {
            if (_snapshot.Generation != generation)
            {
                _snapshot = await LoadSnapshotAsync(connection, cancellationToken);
                KeepIndexUp(_snapshot);
            }

            return _snapshot;
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>
    /// Starts building the approximate index in the background when the store has grown to <c>approximateFrom</c>
    /// passages, or adding the passages it lacks when many arrived since; one piece of such work at a time.
    /// </summary>
    private void KeepIndexUp(VectorSnapshot snapshot)
    {
        if (approximateFrom <= 0 || snapshot.Count < approximateFrom || !_indexing.IsCompleted)
        {
            return;
        }

        var graph = _graph;
        var storeId = _storeId;
        if (graph is null || graph.Dimensions != snapshot.Dimensions)
        {
            _indexing = Task.Run(() =>
            {
                try
                {
                    var kept = ApproximateIndex.Load(indexPath, storeId, snapshot.Dimensions);
                    var changed = kept is null || snapshot.FirstAbove(kept.MaxRowId) < snapshot.Count;
                    var ready = kept ?? ApproximateIndex.Build(snapshot);
                    ready.CatchUp(snapshot);
                    var previous = _graph;
                    _graph = ready;
                    previous?.Dispose();
                    if (changed)
                    {
                        ready.Save(indexPath, storeId);
                    }
                }
                catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException or BadImageFormatException or Cloud.Unum.USearch.USearchException)
                {
                    // No graph on this platform or for these vectors: search stays exact, and is not tried again.
                    approximateFrom = 0;
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    // The graph could not be kept on disk: it is used all the same, and built again after a restart.
                }
            });
        }
        else if (snapshot.Count - snapshot.FirstAbove(graph.MaxRowId) >= CatchUpAfter)
        {
            _indexing = Task.Run(() =>
            {
                graph.CatchUp(snapshot);
                try
                {
                    graph.Save(indexPath, storeId);
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or Cloud.Unum.USearch.USearchException)
                {
                    // Kept in memory; the file catches up on the next save.
                }
            });
        }
    }

    public void Dispose() => _graph?.Dispose();

    /// <summary>
    /// The vectors of the store as it is now: the passages and deletions newer than the current snapshot applied to
    /// it, or, for a first read or a snapshot older than the deletions kept, every vector read again.
    /// </summary>
    private async Task<VectorSnapshot> LoadSnapshotAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        // One read transaction, so the generation, the deletions and the rows belong together.
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        var generation = await SqliteSchema.GenerationAsync(connection, cancellationToken, transaction);
        var dimensions = int.Parse(await ScalarAsync(connection, "SELECT value FROM meta WHERE key = 'embedding_dimensions'", cancellationToken, transaction) ?? "0", CultureInfo.InvariantCulture);
        var lastDeletion = long.Parse(await ScalarAsync(connection, "SELECT COALESCE(MAX(seq), 0) FROM passage_deletions", cancellationToken, transaction) ?? "0", CultureInfo.InvariantCulture);
        _storeId = await ScalarAsync(connection, "SELECT value FROM meta WHERE key = 'store_id'", cancellationToken, transaction) ?? "";
        var forgotten = long.Parse(await ScalarAsync(connection, "SELECT value FROM meta WHERE key = 'deletions_forgotten_through'", cancellationToken, transaction) ?? "0", CultureInfo.InvariantCulture);

        var current = _snapshot;
        if (current.IsEmpty || current.Dimensions != dimensions || current.LastDeletion < forgotten)
        {
            return await ReadVectorsAsync(connection, transaction, generation, lastDeletion, dimensions, 0, cancellationToken);
        }

        var deleted = new HashSet<long>();
        await using (var command = connection.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = "SELECT passage_rowid FROM passage_deletions WHERE seq > $seen";
            command.Parameters.AddWithValue("$seen", current.LastDeletion);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                deleted.Add(reader.GetInt64(0));
            }
        }

        var added = await ReadVectorsAsync(connection, transaction, generation, lastDeletion, dimensions, current.MaxRowId, cancellationToken);
        return current.CatchUp(generation, lastDeletion, deleted, added);
    }

    /// <summary>The vectors of the passages whose rowid is above <paramref name="afterRowId"/>, in rowid order.</summary>
    private static async Task<VectorSnapshot> ReadVectorsAsync(
        SqliteConnection connection, SqliteTransaction transaction, long generation, long lastDeletion, int dimensions, long afterRowId, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.Parameters.AddWithValue("$after", afterRowId);
        command.CommandText = "SELECT COUNT(*) FROM passages WHERE rowid > $after";
        var count = Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);

        var rowIds = new long[count];
        var vectors = new float[count * dimensions];
        var sources = new string?[count];
        var published = new DateTimeOffset?[count];
        command.CommandText = "SELECT p.rowid, p.vector, a.source, a.published_ticks FROM passages p JOIN articles a ON a.id = p.article_id WHERE p.rowid > $after ORDER BY p.rowid";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var i = 0;
        while (i < count && await reader.ReadAsync(cancellationToken))
        {
            rowIds[i] = reader.GetInt64(0);
            VectorBlob.CopyTo((byte[])reader.GetValue(1), vectors.AsSpan(i * dimensions, dimensions));
            sources[i] = reader.IsDBNull(2) ? null : reader.GetString(2);
            published[i] = reader.IsDBNull(3) ? null : new DateTimeOffset(reader.GetInt64(3), TimeSpan.Zero);
            i++;
        }

        return new VectorSnapshot(generation, lastDeletion, dimensions, rowIds, vectors, sources, published);
    }
}
