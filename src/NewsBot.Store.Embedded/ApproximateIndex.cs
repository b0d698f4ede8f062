using System.Reflection;
using System.Runtime.InteropServices;
using Cloud.Unum.USearch;

namespace NewsBot.Store.Embedded;

/// <summary>
/// An HNSW graph (USearch) over int8 copies of the passage vectors, for stores of a million passages and more, where
/// an exact scan reads gigabytes per question. It only proposes candidates: <see cref="VectorSnapshot"/> re-scores
/// them exactly, skips the ones deleted since, and scans the passages added after the graph exactly, so the graph
/// being behind never hides a passage. Held in memory and built in the background from the vectors read from the
/// file; until it is ready, search is exact.
/// </summary>
internal sealed class ApproximateIndex : IDisposable
{
    /// <summary>Candidates taken from the graph (at least; five times the asked number when more are asked).</summary>
    public const int Candidates = 50;

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

    /// <summary>A graph of every passage of the snapshot, filled from every core.</summary>
    public static ApproximateIndex Build(VectorSnapshot snapshot)
    {
        var graph = new USearchIndex(MetricKind.Cos, ScalarKind.Int8, (ulong)snapshot.Dimensions, Connectivity, ExpansionAdd, ExpansionSearch);
        var index = new ApproximateIndex(graph, snapshot.Dimensions);
        var threads = Reserve(graph, snapshot.Count) ? Environment.ProcessorCount : 1;
        var next = -1;
        var workers = Enumerable.Range(0, threads).Select(_ => new Thread(() =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < snapshot.Count)
            {
                graph.Add((ulong)snapshot.RowIdAt(i), snapshot.VectorAt(i).ToArray());
            }
        }) { IsBackground = true, Priority = ThreadPriority.BelowNormal }).ToArray();
        foreach (var worker in workers)
        {
            worker.Start();
        }

        foreach (var worker in workers)
        {
            worker.Join();
        }

        index.MaxRowId = snapshot.MaxRowId;
        return index;
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

                _graph.Add((ulong)snapshot.RowIdAt(i), snapshot.VectorAt(i).ToArray());
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

            var found = _graph.Search(query, count, out var keys, out _);
            return keys[..found].Select(k => (long)k).ToArray();
        }
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

    /// <summary>
    /// Several threads may add at once only into room reserved ahead. The C# binding does not expose reserving;
    /// the library's C interface does, on the binding's native handle. Without it the graph is filled from one thread.
    /// </summary>
    private static bool Reserve(USearchIndex graph, int count)
    {
        try
        {
            if (typeof(USearchIndex).GetField("_index", BindingFlags.NonPublic | BindingFlags.Instance)?.GetValue(graph) is not IntPtr handle || handle == IntPtr.Zero)
            {
                return false;
            }

            usearch_reserve(handle, (UIntPtr)count, out var error);
            return error == IntPtr.Zero;
        }
        catch (Exception ex) when (ex is EntryPointNotFoundException or DllNotFoundException or FieldAccessException)
        {
            return false;
        }
    }

    [DllImport("libusearch_c")]
    private static extern void usearch_reserve(IntPtr index, UIntPtr capacity, out IntPtr error);
}
