using System.Globalization;

namespace NewsBot.Store.Embedded;

/// <summary>
/// The store's vectors in memory for exact search, kept in step with the file: a write by any process bumps the
/// store's generation, and the next search catches up with the passages added and the deletions logged since the
/// snapshot (or reads every vector again when the snapshot is older than the deletions kept). From
/// <c>approximateFrom</c> passages an approximate index proposes the candidates, and once it holds a passage, that
/// passage's vector is left in the file (<see cref="VectorSnapshot.Release"/>), so memory grows with the graph's int8
/// copies, not with the float vectors.
/// </summary>
/// <param name="indexPath">Where the approximate index is kept between runs (beside the store's file).</param>
/// <param name="open">Opens a connection to the store's file, for reading vectors while the index is built.</param>
/// <param name="segmentPassages">Passages per segment of the approximate index.</param>
internal sealed class VectorCache(
    string indexPath, Func<CancellationToken, Task<SqliteConnection>> open, int approximateFrom = VectorCache.ApproximateFromDefault,
    int segmentPassages = ApproximateIndex.SegmentPassagesDefault) : IDisposable
{
    /// <summary>From this many passages an approximate index (<see cref="ApproximateIndex"/>) proposes the candidates.</summary>
    public const int ApproximateFromDefault = 1_000_000;

    /// <summary>The graph is brought up to date once this many passages were added after it.</summary>
    private const int CatchUpAfter = 10_000;

    /// <summary>
    /// Floats held at most while a large store has no graph yet (3.2 GB); beyond, its searches read every vector from
    /// the file until the graph is built.
    /// </summary>
    private const long HeldFloatsLimit = 800_000_000;

    private readonly SemaphoreSlim _lock = new(1, 1);
    private volatile VectorSnapshot _snapshot = VectorSnapshot.Empty;
    private volatile ApproximateIndex? _graph;
    private Task _indexing = Task.CompletedTask;
    private string _storeId = "";
    private bool _graphReadBack;

    /// <summary>The approximate index when it is ready (null below <c>approximateFrom</c> passages, or while it is built).</summary>
    public ApproximateIndex? Graph => _graph;

    /// <summary>How many vectors the current snapshot holds in memory.</summary>
    public int Held => _snapshot.Count - _snapshot.HeldFrom;

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
    /// passages, or adding the passages it lacks when many arrived since (or any, for a graph just read back from its
    /// file); one piece of such work at a time. When it is done, the vectors the graph holds are released.
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
                    var ready = ApproximateIndex.Build(first => StoredVectors.Above(snapshot, first == 0 ? 0 : snapshot.RowIdAt(first - 1), open), snapshot.Count, snapshot.Dimensions, segmentPassages);
                    var previous = _graph;
                    _graph = ready;
                    previous?.Dispose();
                    ReleaseHeld(ready);
                    ready.Save(indexPath, storeId);
                }
                catch (Exception ex) when (IsUnavailable(ex))
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
        else if (ReadBackJustNow() is var readBack && snapshot.Count - snapshot.FirstAbove(graph.MaxRowId) is var behind && (behind >= CatchUpAfter || (readBack && behind > 0)))
        {
            _indexing = Task.Run(() =>
            {
                graph.CatchUp(StoredVectors.Above(snapshot, graph.MaxRowId, open), snapshot.MaxRowId);
                ReleaseHeld(graph);
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

    /// <summary>
    /// Whether the graph was just read back from its file (true once): it is then brought up to date with any passage
    /// it lacks, later only once <see cref="CatchUpAfter"/> have come, so a restart does not make every next write save it.
    /// </summary>
    private bool ReadBackJustNow()
    {
        var readBack = _graphReadBack;
        _graphReadBack = false;
        return readBack;
    }

    private static bool IsUnavailable(Exception ex) =>
        ex is DllNotFoundException or EntryPointNotFoundException or BadImageFormatException or Cloud.Unum.USearch.USearchException;

    /// <summary>Leaves the vectors the graph holds in the file: the current snapshot keeps only the passages' after it.</summary>
    private void ReleaseHeld(ApproximateIndex graph)
    {
        _lock.Wait();
        try
        {
            if (!_snapshot.IsEmpty && _snapshot.Dimensions == graph.Dimensions)
            {
                _snapshot = _snapshot.Release(graph.MaxRowId);
            }
        }
        finally
        {
            _lock.Release();
        }
    }

    public void Dispose() => _graph?.Dispose();

    /// <summary>
    /// The vectors of the store as it is now: the passages and deletions newer than the current snapshot applied to
    /// it, or, for a first read or a snapshot older than the deletions kept, every passage read again (a large
    /// store's graph first read back from its file, so the vectors it holds stay in the file).
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
            var holdAbove = await HoldAboveAsync(connection, transaction, dimensions, cancellationToken);
            return await StoredVectors.ReadAsync(connection, transaction, generation, lastDeletion, dimensions, 0, holdAbove, cancellationToken);
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

        var added = await StoredVectors.ReadAsync(connection, transaction, generation, lastDeletion, dimensions, current.MaxRowId, 0, cancellationToken);
        return current.CatchUp(generation, lastDeletion, deleted, added);
    }

    /// <summary>
    /// Up to which passage a full read leaves the vectors in the file: those a graph holds (the graph kept beside the
    /// store read back first), or every one when the store is too large to hold them while it has no graph; none
    /// below <c>approximateFrom</c> passages.
    /// </summary>
    private async Task<long> HoldAboveAsync(SqliteConnection connection, SqliteTransaction transaction, int dimensions, CancellationToken cancellationToken)
    {
        var count = long.Parse(await ScalarAsync(connection, "SELECT COUNT(*) FROM passages INDEXED BY passages_article", cancellationToken, transaction) ?? "0", CultureInfo.InvariantCulture);
        if (approximateFrom <= 0 || count < approximateFrom)
        {
            return 0;
        }

        if (_graph is null || _graph.Dimensions != dimensions)
        {
            try
            {
                if (ApproximateIndex.Load(indexPath, _storeId, dimensions, segmentPassages) is { } kept)
                {
                    _graph?.Dispose();
                    _graph = kept;
                    _graphReadBack = true;
                }
            }
            catch (Exception ex) when (IsUnavailable(ex))
            {
                approximateFrom = 0;
                return 0;
            }
        }

        return _graph is { } graph && graph.Dimensions == dimensions ? graph.MaxRowId
            : count * dimensions > HeldFloatsLimit ? long.MaxValue : 0;
    }
}
