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

    /// <summary>
    /// A graph of every passage of the snapshot. Filled from one thread: the C# binding's additions are not safe
    /// from several threads at once (graphs filled from two were measurably worse).
    /// </summary>
    public static ApproximateIndex Build(VectorSnapshot snapshot)
    {
        var index = new ApproximateIndex(new USearchIndex(MetricKind.Cos, ScalarKind.Int8, (ulong)snapshot.Dimensions, Connectivity, ExpansionAdd, ExpansionSearch), snapshot.Dimensions);
        index.CatchUp(snapshot);
        return index;
    }

    /// <summary>The graph kept at <paramref name="path"/> for this store and vector size; null when there is none, or it is another store's or unreadable.</summary>
    public static ApproximateIndex? Load(string path, string storeId, int dimensions)
    {
        try
        {
            if (!File.Exists(path) || !File.Exists(path + ".json")
                || JsonSerializer.Deserialize<Saved>(File.ReadAllText(path + ".json")) is not { } saved
                || saved.Store != storeId || saved.Dimensions != dimensions)
            {
                return null;
            }

            var graph = new USearchIndex(path, view: false);
            return graph.Dimensions() == (ulong)dimensions ? new ApproximateIndex(graph, dimensions) { MaxRowId = saved.MaxRowId } : Disposed(graph);
        }
        catch (Exception ex) when (ex is IOException or JsonException or USearchException or UnauthorizedAccessException)
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

    /// <summary>Adds the snapshot's passages newer than the graph.</summary>
    public void CatchUp(VectorSnapshot snapshot)
    {
        for (var i = snapshot.FirstAbove(MaxRowId); i < snapshot.Count; i++)
        {
            lock (_lock)
            {
                if (_disposed)
                {
                    return;
                }

                _graph.Add((ulong)snapshot.RowIdAt(i), Spread(snapshot.VectorAt(i)));
            }
        }

        MaxRowId = Math.Max(MaxRowId, snapshot.MaxRowId);
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
