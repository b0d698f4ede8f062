using Cloud.Unum.USearch;

namespace NewsBot.Store.Embedded;

/// <summary>
/// One HNSW graph (USearch, int8 copies of the vectors) holding a run of consecutive passages: a piece of the
/// <see cref="ApproximateIndex"/>. Searches and additions take its lock: one addition at a time, with room reserved
/// ahead of them (<see cref="GraphRoom"/>), as the binding alone would grow the graph by one passage each time.
/// </summary>
internal sealed class GraphSegment : IDisposable
{
    /// <summary>Nodes examined per search at least (a graph read back from its file is given it again).</summary>
    public const ulong ExpansionSearch = 256;

    /// <summary>Room added at least when an addition after the build finds the segment full (the binding alone would add room for one).</summary>
    public const long GrowthStep = 1024;

    private const ulong Connectivity = 16;
    private const ulong ExpansionAdd = 128;

    private readonly USearchIndex _graph;
    private readonly Lock _lock = new();
    private bool _disposed;

    private GraphSegment(USearchIndex graph) => _graph = graph;

    /// <summary>Passages held.</summary>
    public long Count => (long)_graph.Size();

    /// <summary>Whether passages were added since the segment was last written to its file (or it never was).</summary>
    public bool Changed { get; private set; } = true;

    /// <summary>An empty segment with room for <paramref name="room"/> passages reserved when the binding allows it.</summary>
    public static GraphSegment Create(int dimensions, long room)
    {
        var segment = new GraphSegment(new USearchIndex(MetricKind.Cos, ScalarKind.Int8, (ulong)dimensions, Connectivity, ExpansionAdd, ExpansionSearch));
        GraphRoom.TryReserve(segment._graph, (ulong)Math.Max(room, 1));
        return segment;
    }

    /// <summary>The segment kept at <paramref name="path"/>; null when it is missing, unreadable or of another vector size.</summary>
    public static GraphSegment? Load(string path, int dimensions)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        var graph = new USearchIndex(path, view: false);
        if (graph.Dimensions() != (ulong)dimensions)
        {
            graph.Dispose();
            return null;
        }

        return new GraphSegment(graph) { Changed = false };
    }

    /// <summary>Adds the passage unless the segment holds it already (a file written just before a crash may).</summary>
    public void Add(long rowId, float[] spread)
    {
        lock (_lock)
        {
            if (!_disposed && !_graph.Contains((ulong)rowId))
            {
                if (_graph.Capacity() <= _graph.Size())
                {
                    GraphRoom.TryReserve(_graph, _graph.Size() + (ulong)Math.Max(GrowthStep, Count / 8));
                }

                _graph.Add((ulong)rowId, spread);
                Changed = true;
            }
        }
    }

    /// <summary>Appends the segment's nearest passages, with their int8 distances, to <paramref name="found"/>.</summary>
    public void Search(float[] spread, int count, List<(long RowId, float Distance)> found)
    {
        lock (_lock)
        {
            if (_disposed)
            {
                return;
            }

            var hits = _graph.Search(spread, count, out var keys, out var distances);
            for (var i = 0; i < hits; i++)
            {
                found.Add(((long)keys[i], distances[i]));
            }
        }
    }

    /// <summary>Writes the segment whole under a temporary name, then renames it over <paramref name="path"/>.</summary>
    public void Save(string path)
    {
        lock (_lock)
        {
            if (_disposed)
            {
                return;
            }

            _graph.Save(path + ".tmp");
        }

        File.Move(path + ".tmp", path, overwrite: true);
        Changed = false;
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
}
