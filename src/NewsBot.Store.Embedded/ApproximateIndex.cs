
namespace NewsBot.Store.Embedded;

/// <summary>
/// HNSW graphs (USearch) over int8 copies of the passage vectors, for stores of a million passages and more, where
/// an exact scan reads gigabytes per question. It only proposes candidates: <see cref="VectorSnapshot"/> re-scores
/// them exactly, skips the ones deleted since, and scans the passages added after the graph exactly, so the graph
/// being behind never hides a passage. Held in memory, built in the background from the vectors read from the
/// file (until it is ready, search is exact), and kept in files beside the store (<see cref="Save"/>), so a restart
/// reads them and adds only what came since. Rowids are never reused, so a graph older than the store is only behind.
/// <para>
/// The passages are split by rowid into segments of at most <c>segmentPassages</c> (<see cref="GraphSegment"/>), each
/// its own graph, searched side by side and their candidates merged: one graph of ten million reaches fewer of
/// a question's true neighbours (recall@10 0.905 on the synthetic archive) than ten of a million each, and a segment
/// is built, and written again after new passages, on its own.
/// </para>
/// </summary>
internal sealed partial class ApproximateIndex : IDisposable
{
    /// <summary>
    /// Candidates taken from the graph (at least; five times the asked number when more are asked), re-scored exactly.
    /// As many as a segment examines while searching, so a graph read back from its file (which keeps its structure
    /// but not that setting) searches as widely as a new one.
    /// </summary>
    public const int Candidates = (int)GraphSegment.ExpansionSearch;

    /// <summary>Passages per segment unless configured otherwise (<c>VectorStore:GraphSegmentPassages</c>).</summary>
    public const int SegmentPassagesDefault = 1_000_000;

    private readonly List<GraphSegment> _segments;
    private readonly int _segmentPassages;
    private readonly Lock _lock = new();

    private ApproximateIndex(List<GraphSegment> segments, int dimensions, int segmentPassages) =>
        (_segments, Dimensions, _segmentPassages) = (segments, dimensions, segmentPassages);

    public int Dimensions { get; }

    /// <summary>The highest passage rowid in the graph: passages above it are searched exactly.</summary>
    public long MaxRowId { get; private set; }

    /// <summary>How many segments the passages are split into.</summary>
    public int SegmentCount
    {
        get
        {
            lock (_lock)
            {
                return _segments.Count;
            }
        }
    }

    /// <summary>A graph of every passage of the snapshot (which holds every vector: a store without a graph yet).</summary>
    public static ApproximateIndex Build(VectorSnapshot snapshot, int segmentPassages = SegmentPassagesDefault) =>
        Build(first => Enumerable.Range(first, snapshot.Count - first).Select(i => (snapshot.RowIdAt(i), snapshot.VectorAt(i).ToArray())), snapshot.Count, snapshot.Dimensions, segmentPassages);

    /// <summary>
    /// A graph of <paramref name="count"/> passages, <paramref name="from"/>(n) giving them in rowid order from the
    /// n-th on. Each segment is filled by one thread, the segments side by side, one per processor: USearch's graph
    /// loses a few passages for good when additions to it run side by side (they are stored but no search reaches
    /// them: github.com/unum-cloud/USearch/issues/735), so no two threads ever add to one segment.
    /// </summary>
    public static ApproximateIndex Build(Func<int, IEnumerable<(long RowId, float[] Vector)>> from, int count, int dimensions, int segmentPassages = SegmentPassagesDefault)
    {
        var segmentCount = Math.Max(1, (count + segmentPassages - 1) / segmentPassages);
        var segments = new GraphSegment[segmentCount];
        var maxRowIds = new long[segmentCount];
        Parallel.For(0, segmentCount, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, s =>
        {
            var last = s == segmentCount - 1;
            var segment = segments[s] = GraphSegment.Create(dimensions, last ? count - (s * segmentPassages) : segmentPassages);
            foreach (var (rowId, vector) in last ? from(s * segmentPassages) : from(s * segmentPassages).Take(segmentPassages))
            {
                segment.Add(rowId, Spread(vector));
                maxRowIds[s] = Math.Max(maxRowIds[s], rowId);
            }
        });
        return new ApproximateIndex([.. segments], dimensions, segmentPassages) { MaxRowId = maxRowIds.Max() };
    }

    /// <summary>Adds the given passages (those newer than the graph) to the last segment, a new one when it is full, then stands for every passage up to <paramref name="throughRowId"/>.</summary>
    public void CatchUp(IEnumerable<(long RowId, float[] Vector)> vectors, long throughRowId)
    {
        foreach (var (rowId, vector) in vectors)
        {
            if (LastWithRoom() is not { } segment)
            {
                return;
            }

            segment.Add(rowId, Spread(vector));
        }

        MaxRowId = Math.Max(MaxRowId, throughRowId);
    }

    /// <summary>The rowids of the graph's nearest passages, by its int8 distance: the nearest of each segment (searched side by side), merged.</summary>
    public long[] Nearest(float[] query, int count)
    {
        GraphSegment[] segments;
        lock (_lock)
        {
            segments = [.. _segments];
        }

        var spread = Spread(query);
        var found = new List<(long RowId, float Distance)>[segments.Length];
        Parallel.For(0, segments.Length, s =>
        {
            found[s] = new List<(long RowId, float Distance)>(count);
            segments[s].Search(spread, count, found[s]);
        });

        var merged = found.SelectMany(f => f).ToList();
        merged.Sort((a, b) => a.Distance.CompareTo(b.Distance));
        return merged.Take(count).Select(f => f.RowId).ToArray();
    }

    public void Dispose()
    {
        lock (_lock)
        {
            _segments.ForEach(s => s.Dispose());
            _segments.Clear();
        }
    }

    /// <summary>The last segment, or a new one after it when it is full; null once the graph is disposed.</summary>
    private GraphSegment? LastWithRoom()
    {
        lock (_lock)
        {
            if (_segments.Count == 0)
            {
                return null;
            }

            if (_segments[^1].Count >= _segmentPassages)
            {
                _segments.Add(GraphSegment.Create(Dimensions, GraphSegment.GrowthStep));
            }

            return _segments[^1];
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
}
