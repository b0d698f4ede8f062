using System.Numerics.Tensors;
using NewsBot.Core.Storage;

namespace NewsBot.Store.Embedded;

/// <summary>
/// The passages of one store generation (rowid, outlet, date) and their vectors in one contiguous array, searched
/// exactly: the true top k, every time. On 2 cores this answers 100k x 384 vectors in a few milliseconds. A store with
/// an approximate index (<see cref="ApproximateIndex"/>) releases the vectors the graph holds (<see cref="Release"/>):
/// only those of the passages from <see cref="HeldFrom"/> on stay in memory, and the graph's candidates among the
/// others are re-scored from the file.
/// </summary>
internal sealed partial class VectorSnapshot
{
    private readonly int _dimensions;
    private readonly long[] _rowIds;
    private readonly float[] _vectors;
    private readonly string?[] _sources;
    private readonly DateTimeOffset?[] _published;
    private readonly int _heldFrom;

    /// <param name="lastDeletion">The last passage deletion (<c>passage_deletions.seq</c>) these vectors already reflect.</param>
    /// <param name="rowIds">Passage rowids, ascending.</param>
    /// <param name="vectors">The vectors of the passages from <paramref name="heldFrom"/> on.</param>
    /// <param name="heldFrom">The index of the first passage whose vector is held (0: every one).</param>
    public VectorSnapshot(long generation, long lastDeletion, int dimensions, long[] rowIds, float[] vectors, string?[] sources, DateTimeOffset?[] published, int heldFrom = 0)
    {
        if (vectors.LongLength != (long)(rowIds.Length - heldFrom) * dimensions)
        {
            throw new ArgumentException("The vectors do not match the passages held.", nameof(vectors));
        }

        _heldFrom = heldFrom;
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

    /// <summary>The index of the first passage whose vector is in memory: the ones before it are read from the file.</summary>
    public int HeldFrom => _heldFrom;

    /// <summary>These passages without the vectors of those up to <paramref name="throughRowId"/> (a graph holds them).</summary>
    public VectorSnapshot Release(long throughRowId)
    {
        var heldFrom = FirstAbove(throughRowId);
        return heldFrom <= _heldFrom ? this
            : new VectorSnapshot(Generation, LastDeletion, _dimensions, _rowIds, _vectors.AsSpan((heldFrom - _heldFrom) * _dimensions).ToArray(), _sources, _published, heldFrom);
    }

    /// <summary>These passages without the deleted ones, followed by the added ones (rowids above <see cref="MaxRowId"/>, every vector held).</summary>
    public VectorSnapshot CatchUp(long newGeneration, long newLastDeletion, IReadOnlySet<long> deleted, VectorSnapshot added)
    {
        var keep = Enumerable.Range(0, _rowIds.Length).Where(i => !deleted.Contains(_rowIds[i])).ToArray();
        var heldFrom = keep.Count(i => i < _heldFrom);
        var count = keep.Length + added.Count;
        var newRowIds = new long[count];
        var newVectors = new float[(count - heldFrom) * _dimensions];
        var newSources = new string?[count];
        var newPublished = new DateTimeOffset?[count];
        for (var n = 0; n < keep.Length; n++)
        {
            var i = keep[n];
            newRowIds[n] = _rowIds[i];
            if (n >= heldFrom)
            {
                VectorAt(i).CopyTo(newVectors.AsSpan((n - heldFrom) * _dimensions, _dimensions));
            }

            newSources[n] = _sources[i];
            newPublished[n] = _published[i];
        }

        added._rowIds.CopyTo(newRowIds, keep.Length);
        added._vectors.CopyTo(newVectors, (keep.Length - heldFrom) * _dimensions);
        added._sources.CopyTo(newSources, keep.Length);
        added._published.CopyTo(newPublished, keep.Length);
        return new VectorSnapshot(newGeneration, newLastDeletion, _dimensions, newRowIds, newVectors, newSources, newPublished, heldFrom);
    }

    public long RowIdAt(int index) => _rowIds[index];

    /// <summary>Whether the passage <paramref name="rowId"/> is held and its article passes <paramref name="filter"/>.</summary>
    public bool Passes(long rowId, SearchFilter filter)
    {
        var at = Array.BinarySearch(_rowIds, rowId);
        return at >= 0 && Matches(at, filter);
    }

    private bool Matches(int index, SearchFilter filter) => filter.IsEmpty || filter.Matches(_sources[index], _published[index]);

    private void CheckQuery(ReadOnlySpan<float> query)
    {
        if (query.Length != _dimensions)
        {
            throw new ArgumentException($"The question's vector has {query.Length} dimensions; the store's vectors have {_dimensions}.", nameof(query));
        }
    }

    /// <summary>The vector of the passage at <paramref name="index"/>, which must be held (at or after <see cref="HeldFrom"/>).</summary>
    public ReadOnlySpan<float> VectorAt(int index) => _vectors.AsSpan((index - _heldFrom) * _dimensions, _dimensions);

    /// <summary>The index of the first passage whose rowid is above <paramref name="rowId"/> (<see cref="Count"/> when none is).</summary>
    public int FirstAbove(long rowId)
    {
        var at = Array.BinarySearch(_rowIds, rowId);
        return at >= 0 ? at + 1 : ~at;
    }

    /// <summary>The exact top <paramref name="top"/> of a snapshot that holds every vector.</summary>
    public IReadOnlyList<(long RowId, float Score)> Search(ReadOnlySpan<float> query, SearchFilter filter, int top)
    {
        if (Count == 0 || top <= 0)
        {
            return [];
        }

        CheckQuery(query);
        if (_heldFrom > 0)
        {
            throw new InvalidOperationException("Some of these passages' vectors are in the file only: search them with the reader of the store's vectors.");
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
            if (!Matches(i, filter))
            {
                continue;
            }

            var score = TensorPrimitives.Dot(query, VectorAt(i));
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
            yield return (_rowIds[i], TensorPrimitives.Dot(query, VectorAt(i)));
        }
    }
}
