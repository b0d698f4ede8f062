using System.Numerics.Tensors;
using NewsBot.Core.Storage;

namespace NewsBot.Store.Embedded;

/// <summary>The vectors of the given passages (rowids) read from the store's file; a passage deleted since is missing.</summary>
internal delegate IReadOnlyDictionary<long, float[]> StoredVectorReader(IReadOnlyList<long> rowIds);

internal sealed partial class VectorSnapshot
{
    /// <summary>
    /// The graph is searched this many times wider than the candidates re-scored: its int8 order is close to the exact
    /// one, so the best of a wider search are re-scored, not more of them (at 10M passages recall@10 .866 → .905 for
    /// about 4 ms, the file reads unchanged).
    /// </summary>
    private const int Widening = 4;

    /// <summary>A filtered search asks the graph for this many times the candidates, so that enough pass the filter.</summary>
    private const int FilteredWidening = 8;

    /// <summary>Vectors read from the file in one query.</summary>
    private const int ReadAtOnce = 1000;

    /// <summary>
    /// The top <paramref name="top"/> passages. With a graph, the best of its candidates by its own (int8) distance
    /// are re-scored exactly (from memory, or from the file for a released vector) in place of a full scan; passages deleted since the graph was built are
    /// skipped, those added after it are scanned exactly, and a filtered search that finds fewer than
    /// <paramref name="top"/> passing candidates scores every passing passage. Without one, every passage is scored.
    /// </summary>
    public IReadOnlyList<(long RowId, float Score)> Search(ReadOnlySpan<float> query, SearchFilter filter, int top, ApproximateIndex? graph, StoredVectorReader readStored)
    {
        if (Count == 0 || top <= 0)
        {
            return [];
        }

        CheckQuery(query);
        if (graph is null || graph.Dimensions != _dimensions)
        {
            return _heldFrom == 0 ? Search(query, filter, top) : Scored(query.ToArray(), Enumerable.Range(0, Count).Where(i => Matches(i, filter)), top, readStored);
        }

        var queryArray = query.ToArray();
        var rescored = Math.Max(ApproximateIndex.Candidates, top * 5);
        var candidates = new List<int>();
        foreach (var rowId in graph.Nearest(queryArray, rescored * (filter.IsEmpty ? Widening : FilteredWidening)))
        {
            if (Array.BinarySearch(_rowIds, rowId) is var at and >= 0 && Matches(at, filter))
            {
                candidates.Add(at);
            }
        }

        if (candidates.Count > rescored)
        {
            candidates.RemoveRange(rescored, candidates.Count - rescored);
        }

        var tail = Enumerable.Range(FirstAbove(graph.MaxRowId), Count - FirstAbove(graph.MaxRowId)).Where(i => Matches(i, filter));
        return !filter.IsEmpty && candidates.Count < top
            ? Scored(queryArray, Enumerable.Range(0, Count).Where(i => Matches(i, filter)), top, readStored)
            : Scored(queryArray, candidates.Concat(tail), top, readStored);
    }

    /// <summary>The best <paramref name="top"/> of the given passages, each scored exactly: from memory when held, else from the file.</summary>
    private (long RowId, float Score)[] Scored(float[] query, IEnumerable<int> indexes, int top, StoredVectorReader readStored)
    {
        var best = new PriorityQueue<int, (float Score, int Index)>(top + 1, Comparer<(float Score, int Index)>.Create((a, b) => a.Score != b.Score ? a.Score.CompareTo(b.Score) : b.Index.CompareTo(a.Index)));
        var seen = new HashSet<int>();
        var released = new List<int>();
        foreach (var at in indexes)
        {
            if (!seen.Add(at))
            {
                continue;
            }

            if (at >= _heldFrom)
            {
                Keep(best, top, at, TensorPrimitives.Dot(query, VectorAt(at)));
            }
            else
            {
                released.Add(at);
            }
        }

        foreach (var chunk in released.Chunk(ReadAtOnce))
        {
            var stored = readStored(chunk.Select(i => _rowIds[i]).ToArray());
            foreach (var at in chunk)
            {
                if (stored.TryGetValue(_rowIds[at], out var vector) && vector.Length == _dimensions)
                {
                    Keep(best, top, at, TensorPrimitives.Dot(query, vector));
                }
            }
        }

        return best.UnorderedItems.OrderByDescending(i => i.Priority.Score).ThenBy(i => i.Element).Select(i => (_rowIds[i.Element], i.Priority.Score)).ToArray();
    }

    private static void Keep(PriorityQueue<int, (float Score, int Index)> best, int top, int index, float score)
    {
        if (best.Count < top)
        {
            best.Enqueue(index, (score, index));
        }
        else if (best.TryPeek(out _, out var worst) && (score > worst.Score || (score == worst.Score && index < worst.Index)))
        {
            best.EnqueueDequeue(index, (score, index));
        }
    }
}
