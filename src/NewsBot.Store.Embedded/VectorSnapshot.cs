using System.Numerics.Tensors;
using NewsBot.Core.Storage;

namespace NewsBot.Store.Embedded;

/// <summary>
/// All passage vectors of one store generation in one contiguous array, searched exactly: the true top k, every time.
/// On 2 cores this answers 100k x 384 vectors in a few milliseconds, so an approximate index would buy little and
/// cost recall.
/// </summary>
internal sealed class VectorSnapshot
{
    private readonly int _dimensions;
    private readonly long[] _rowIds;
    private readonly float[] _vectors;
    private readonly string?[] _sources;
    private readonly DateTimeOffset?[] _published;

    /// <param name="lastDeletion">The last passage deletion (<c>passage_deletions.seq</c>) these vectors already reflect.</param>
    /// <param name="rowIds">Passage rowids, ascending.</param>
    public VectorSnapshot(long generation, long lastDeletion, int dimensions, long[] rowIds, float[] vectors, string?[] sources, DateTimeOffset?[] published)
    {
        Generation = generation;
        LastDeletion = lastDeletion;
        _dimensions = dimensions;
        _rowIds = rowIds;
        _vectors = vectors;
        _sources = sources;
        _published = published;
    }

    /// <summary>From this many passages a search is split across the processors.</summary>
    public const int ParallelFrom = 200_000;

    public static VectorSnapshot Empty { get; } = new(-1, -1, 0, [], [], [], []);

    public long Generation { get; }

    public long LastDeletion { get; }

    public int Dimensions => _dimensions;

    public int Count => _rowIds.Length;

    /// <summary>The highest passage rowid held: passages added since have higher ones.</summary>
    public long MaxRowId => _rowIds.Length == 0 ? 0 : _rowIds[^1];

    public bool IsEmpty => ReferenceEquals(this, Empty);

    /// <summary>These vectors without the deleted passages, followed by the added ones (rowids above <see cref="MaxRowId"/>).</summary>
    public VectorSnapshot CatchUp(long newGeneration, long newLastDeletion, IReadOnlySet<long> deleted, VectorSnapshot added)
    {
        var keep = Enumerable.Range(0, _rowIds.Length).Where(i => !deleted.Contains(_rowIds[i])).ToArray();
        var count = keep.Length + added.Count;
        var newRowIds = new long[count];
        var newVectors = new float[count * _dimensions];
        var newSources = new string?[count];
        var newPublished = new DateTimeOffset?[count];
        for (var n = 0; n < keep.Length; n++)
        {
            var i = keep[n];
            newRowIds[n] = _rowIds[i];
            _vectors.AsSpan(i * _dimensions, _dimensions).CopyTo(newVectors.AsSpan(n * _dimensions, _dimensions));
            newSources[n] = _sources[i];
            newPublished[n] = _published[i];
        }

        added._rowIds.CopyTo(newRowIds, keep.Length);
        added._vectors.CopyTo(newVectors, keep.Length * _dimensions);
        added._sources.CopyTo(newSources, keep.Length);
        added._published.CopyTo(newPublished, keep.Length);
        return new VectorSnapshot(newGeneration, newLastDeletion, _dimensions, newRowIds, newVectors, newSources, newPublished);
    }

    public long RowIdAt(int index) => _rowIds[index];

    /// <summary>Whether the passage <paramref name="rowId"/> is held and its article passes <paramref name="filter"/>.</summary>
    public bool Passes(long rowId, SearchFilter filter)
    {
        var at = Array.BinarySearch(_rowIds, rowId);
        return at >= 0 && (filter.IsEmpty || filter.Matches(_sources[at], _published[at]));
    }

    public ReadOnlySpan<float> VectorAt(int index) => _vectors.AsSpan(index * _dimensions, _dimensions);

    /// <summary>The index of the first passage whose rowid is above <paramref name="rowId"/> (<see cref="Count"/> when none is).</summary>
    public int FirstAbove(long rowId)
    {
        var at = Array.BinarySearch(_rowIds, rowId);
        return at >= 0 ? at + 1 : ~at;
    }

    /// <summary>
    /// Like <see cref="Search(ReadOnlySpan{float}, SearchFilter, int)"/>, with the graph's candidates re-scored exactly
    /// in place of a full scan when a graph is given and the search is not filtered; passages deleted since the graph
    /// was built are skipped, and those added after it are scanned exactly.
    /// </summary>
    public IReadOnlyList<(long RowId, float Score)> Search(ReadOnlySpan<float> query, SearchFilter filter, int top, ApproximateIndex? graph)
    {
        if (graph is null || !filter.IsEmpty || graph.Dimensions != _dimensions || query.Length != _dimensions || top <= 0 || Count == 0)
        {
            return Search(query, filter, top);
        }

        var queryArray = query.ToArray();
        var scored = new Dictionary<int, float>();
        foreach (var rowId in graph.Nearest(queryArray, Math.Max(ApproximateIndex.Candidates, top * 5)))
        {
            if (Array.BinarySearch(_rowIds, rowId) is var at and >= 0)
            {
                scored[at] = TensorPrimitives.Dot(queryArray, VectorAt(at));
            }
        }

        foreach (var (at, score) in Best(queryArray, filter, top, FirstAbove(graph.MaxRowId), Count))
        {
            scored[at] = score;
        }

        return scored.OrderByDescending(p => p.Value).ThenBy(p => p.Key).Take(top).Select(p => (_rowIds[p.Key], p.Value)).ToArray();
    }

    public IReadOnlyList<(long RowId, float Score)> Search(ReadOnlySpan<float> query, SearchFilter filter, int top)
    {
        if (Count == 0 || top <= 0)
        {
            return [];
        }

        if (query.Length != _dimensions)
        {
            throw new ArgumentException($"The question's vector has {query.Length} dimensions; the store's vectors have {_dimensions}.", nameof(query));
        }

        // Large stores are scanned in parallel slices, each keeping its own best, merged at the end.
        var slices = Count >= ParallelFrom ? Environment.ProcessorCount : 1;
        var size = (Count + slices - 1) / slices;
        var queryArray = query.ToArray();
        var partial = new (int Index, float Score)[slices][];
        Parallel.For(0, slices, slice => partial[slice] = Best(queryArray, filter, top, slice * size, Math.Min(Count, (slice + 1) * size)));
        return partial.SelectMany(p => p).OrderByDescending(p => p.Score).ThenBy(p => p.Index).Take(top)
            .Select(p => (_rowIds[p.Index], p.Score)).ToArray();
    }

    /// <summary>The best <paramref name="top"/> passages among indexes [from, to), unordered.</summary>
    private (int Index, float Score)[] Best(float[] query, SearchFilter filter, int top, int from, int to)
    {
        var best = new PriorityQueue<int, float>(top + 1);
        for (var i = from; i < to; i++)
        {
            if (!filter.IsEmpty && !filter.Matches(_sources[i], _published[i]))
            {
                continue;
            }

            var score = TensorPrimitives.Dot(query, _vectors.AsSpan(i * _dimensions, _dimensions));
            if (best.Count < top)
            {
                best.Enqueue(i, score);
            }
            else if (best.TryPeek(out _, out var worst) && score > worst)
            {
                best.EnqueueDequeue(i, score);
            }
        }

        return best.UnorderedItems.Select(item => (item.Element, item.Priority)).ToArray();
    }

    /// <summary>Every passage's score for the query, for checking search against brute force.</summary>
    public IEnumerable<(long RowId, float Score)> AllScores(float[] query)
    {
        for (var i = 0; i < _rowIds.Length; i++)
        {
            yield return (_rowIds[i], TensorPrimitives.Dot(query, _vectors.AsSpan(i * _dimensions, _dimensions)));
        }
    }
}
