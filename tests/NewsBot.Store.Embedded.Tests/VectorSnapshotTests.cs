using NewsBot.Core.Storage;
using Xunit;

namespace NewsBot.Store.Embedded.Tests;

/// <summary>A large store's search, split across the processors, finds exactly what a full scan finds.</summary>
public sealed class VectorSnapshotTests
{
    [Fact]
    public void Searching_in_parallel_slices_returns_the_exact_top_ten_in_order()
    {
        const int dimensions = 8;
        var count = VectorSnapshot.ParallelFrom + 1_001;
        var random = new Random(3);
        var vectors = new float[count * dimensions];
        for (var i = 0; i < vectors.Length; i++)
        {
            vectors[i] = (float)(random.NextDouble() - 0.5);
        }

        var snapshot = new VectorSnapshot(1, 0, dimensions, Enumerable.Range(1, count).Select(i => (long)i).ToArray(), vectors, new string?[count], new DateTimeOffset?[count]);
        var query = Enumerable.Range(0, dimensions).Select(_ => (float)(random.NextDouble() - 0.5)).ToArray();

        var found = snapshot.Search(query, SearchFilter.None, 10);
        var exact = snapshot.AllScores(query).OrderByDescending(s => s.Score).Take(10).ToArray();

        Assert.Equal(exact.Select(e => e.RowId), found.Select(f => f.RowId));
    }
}
