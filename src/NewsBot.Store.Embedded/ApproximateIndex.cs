using System.Text.Json;
using Cloud.Unum.USearch;

namespace NewsBot.Store.Embedded;

/// <summary>
/// An HNSW graph (USearch) over int8 copies of the passage vectors, for stores of a million passages and more, where
/// an exact scan reads gigabytes per question. It only proposes candidates: <see cref="VectorSnapshot"/> re-scores
/// them exactly, skips the ones deleted since, and scans the passages added after the graph exactly, so the graph
/// being behind never hides a passage. Held in memory, built in the background from the vectors read from the
/// file (until it is ready, search is exact), and kept in a file beside the store (<see cref="Save"/>), so a restart
/// reads it and adds only what came since. Rowids are never reused, so a graph older than the store is only behind.
/// </summary>
internal sealed class ApproximateIndex : IDisposable
{
    /// <summary>
    /// Candidates taken from the graph (at least; five times the asked number when more are asked), re-scored exactly.
    /// As many as the graph examines while searching, so a graph read back from its file (which keeps its structure but
    /// not that setting) searches as widely as a new one.
    /// </summary>
    public const int Candidates = (int)ExpansionSearch;

    private const ulong Connectivity = 16;
    private const ulong ExpansionAdd = 128;
    private const ulong ExpansionSearch = 256;

    private readonly USearchIndex _graph;
    private readonly Lock _lock = new();
    private bool _disposed;

    private ApproximateIndex(USearchIndex graph, int dimensions) => (_graph, Dimensions) = (graph, dimensions);

    public int Dimensions { get; }

    /// <summary>The highest passage rowid in the graph: passages above it are searched exactly.</summary>
    public long MaxRowId { get; private set; }

    /// <summary>A graph of every passage of the snapshot (which holds every vector: a store without a graph yet).</summary>
    public static ApproximateIndex Build(VectorSnapshot snapshot) =>
        Build(Enumerable.Range(0, snapshot.Count).Select(i => (snapshot.RowIdAt(i), snapshot.VectorAt(i).ToArray())), snapshot.Count, snapshot.Dimensions);

    /// <summary>
    /// A graph of the given passages (about <paramref name="count"/>), filled from every processor once room for
    /// them is reserved (<see cref="GraphRoom"/>); an addition beyond that room, or every one when none could be
    /// reserved, runs alone, as the binding grows the graph inside it.
    /// </summary>
    public static ApproximateIndex Build(IEnumerable<(long RowId, float[] Vector)> vectors, long count, int dimensions)
    {
        var index = new ApproximateIndex(new USearchIndex(MetricKind.Cos, ScalarKind.Int8, (ulong)dimensions, Connectivity, ExpansionAdd, ExpansionSearch), dimensions);
        var threads = Environment.ProcessorCount;
        GraphRoom.TryReserve(index._graph, (ulong)Math.Max(count, 1) + (ulong)threads);
        using var growing = new ReaderWriterLockSlim();
        var maxRowId = 0L;
        Parallel.ForEach(vectors, new ParallelOptions { MaxDegreeOfParallelism = threads }, passage =>
        {
            var spread = Spread(passage.Vector);
            if (!index.AddBesideOthers(growing, passage.RowId, spread, threads))
            {
                growing.EnterWriteLock();
                try
                {
                    index._graph.Add((ulong)passage.RowId, spread);
                }
                finally
                {
                    growing.ExitWriteLock();
                }
            }

            var seen = Interlocked.Read(ref maxRowId);
            while (passage.RowId > seen && Interlocked.CompareExchange(ref maxRowId, passage.RowId, seen) != seen)
            {
                seen = Interlocked.Read(ref maxRowId);
            }
        });
        index.MaxRowId = maxRowId;
        return index;
    }

    /// <summary>Adds the passage beside other additions when the graph has room for one per thread; false when it has not (nothing added).</summary>
    private bool AddBesideOthers(ReaderWriterLockSlim growing, long rowId, float[] spread, int threads)
    {
        growing.EnterReadLock();
        try
        {
            if (_graph.Capacity() - _graph.Size() <= (ulong)threads)
            {
                return false;
            }

            _graph.Add((ulong)rowId, spread);
            return true;
        }
        finally
        {
            growing.ExitReadLock();
        }
    }

    /// <summary>Up to which passage the graph kept at <paramref name="path"/> for this store and vector size holds; null when there is none.</summary>
    public static long? SavedThrough(string path, string storeId, int dimensions)
    {
        try
        {
            return File.Exists(path) && File.Exists(path + ".json")
                && JsonSerializer.Deserialize<Saved>(File.ReadAllText(path + ".json")) is { } saved
                && saved.Store == storeId && saved.Dimensions == dimensions ? saved.MaxRowId : null;
        }
        catch (Exception ex) when (ex is IOException or JsonException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>The graph kept at <paramref name="path"/> for this store and vector size; null when there is none, or it is another store's or unreadable.</summary>
    public static ApproximateIndex? Load(string path, string storeId, int dimensions)
    {
        try
        {
            if (SavedThrough(path, storeId, dimensions) is not { } maxRowId)
            {
                return null;
            }

            var graph = new USearchIndex(path, view: false);
            return graph.Dimensions() == (ulong)dimensions ? new ApproximateIndex(graph, dimensions) { MaxRowId = maxRowId } : Disposed(graph);
        }
        catch (Exception ex) when (ex is IOException or USearchException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>
    /// Writes the graph beside the store: each file written whole under a temporary name, then renamed over the old
    /// one, the graph first, so a crash leaves the previous files or a graph that holds more than its description says.
    /// </summary>
    public void Save(string path, string storeId)
    {
        var maxRowId = MaxRowId;
        lock (_lock)
        {
            if (_disposed)
            {
                return;
            }

            _graph.Save(path + ".tmp");
        }

        File.Move(path + ".tmp", path, overwrite: true);
        File.WriteAllText(path + ".json.tmp", JsonSerializer.Serialize(new Saved(storeId, Dimensions, maxRowId)));
        File.Move(path + ".json.tmp", path + ".json", overwrite: true);
    }

    /// <summary>Adds the given passages (those newer than the graph), then stands for every passage up to <paramref name="throughRowId"/>.</summary>
    public void CatchUp(IEnumerable<(long RowId, float[] Vector)> vectors, long throughRowId)
    {
        foreach (var (rowId, vector) in vectors)
        {
            var spread = Spread(vector);
            lock (_lock)
            {
                if (_disposed)
                {
                    return;
                }

                _graph.Add((ulong)rowId, spread);
            }
        }

        MaxRowId = Math.Max(MaxRowId, throughRowId);
    }

    /// <summary>The rowids of the graph's nearest passages, by its int8 distance.</summary>
    public long[] Nearest(float[] query, int count)
    {
        lock (_lock)
        {
            if (_disposed)
            {
                return [];
            }

            var found = _graph.Search(Spread(query), count, out var keys, out _);
            return keys[..found].Select(k => (long)k).ToArray();
        }
    }

    /// <summary>
    /// The vector scaled so its largest component is 1. The graph keeps each component as a byte of -127…127 times
    /// the value, and a unit vector of 384 dimensions has components of about ±0.05: unscaled, they would use a
    /// dozen of those steps. Scaling changes no cosine.
    /// </summary>
    private static float[] Spread(ReadOnlySpan<float> vector)
    {
        var spread = vector.ToArray();
        var largest = MathF.Abs(System.Numerics.Tensors.TensorPrimitives.MaxMagnitude<float>(spread));
        if (largest > 0)
        {
            System.Numerics.Tensors.TensorPrimitives.Divide(spread, largest, spread);
        }

        return spread;
    }

    private static ApproximateIndex? Disposed(USearchIndex graph)
    {
        graph.Dispose();
        return null;
    }

    public void Dispose()
    {
        lock (_lock)
        {
            if (!_disposed)
            {
                _disposed = true;
                _graph.Dispose();
            }
        }
    }

    private sealed record Saved(string Store, int Dimensions, long MaxRowId);

}
