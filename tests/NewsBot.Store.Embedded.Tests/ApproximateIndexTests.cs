using Microsoft.Extensions.Options;
using NewsBot.Core.Chunking;
using NewsBot.Core.Storage;
using NewsBot.Testing;
using Xunit;

namespace NewsBot.Store.Embedded.Tests;

/// <summary>
/// A store past its approximate-index size answers vector searches as the exact search does, including passages
/// added after the index was built, and never with a deleted one.
/// </summary>
public sealed class ApproximateIndexTests : IDisposable
{
    private const int ApproximateFrom = 100;
    private const int Dimensions = 64;
    private readonly TempDirectory _directory = new();
    private readonly PassageChunker _chunker = new(Options.Create(new ChunkingOptions()));
    private readonly Random _random = new(11);

    [Fact]
    public async Task Searches_through_the_index_find_what_exact_search_finds_as_articles_come_and_go()
    {
        using var approximate = new EmbeddedNewsStore(_directory.Path, SqliteSchema.KeptDeletions, null, ApproximateFrom);
        for (var i = 0; i < 150; i++)
        {
            await StoreAsync(approximate, $"a{i}");
        }

        await approximate.VectorSearchAsync(RandomUnit(), SearchFilter.None, 1); // reads the vectors; the index is built
        await approximate.ApproximateIndexing;
        Assert.NotNull(approximate.ApproximateGraph);
        await StoreAsync(approximate, "added-after");
        await approximate.DeleteArticleAsync("a7");
        using var exact = new EmbeddedNewsStore(_directory.Path, SqliteSchema.KeptDeletions, null, approximateFrom: 0);

        var queries = Enumerable.Range(0, 20).Select(_ => Query()).Append(_vectors["added-after"]).Append(_vectors["a7"]).ToArray();
        foreach (var vector in queries)
        {
            var viaIndex = await approximate.VectorSearchAsync(vector, SearchFilter.None, 5);
            var scanned = await exact.VectorSearchAsync(vector, SearchFilter.None, 5);

            AssertSameMatches(scanned, viaIndex);
            Assert.DoesNotContain(viaIndex, h => h.ArticleId == "a7");
        }

        Assert.Equal("added-after", (await approximate.VectorSearchAsync(_vectors["added-after"], SearchFilter.None, 1))[0].ArticleId);
    }

    [Fact]
    public async Task Once_the_index_holds_the_vectors_memory_keeps_only_the_newer_ones_and_answers_stay_exact_filtered_or_not()
    {
        using (var first = new EmbeddedNewsStore(_directory.Path, SqliteSchema.KeptDeletions, null, ApproximateFrom))
        {
            for (var i = 0; i < 150; i++)
            {
                await StoreAsync(first, $"a{i}", i % 3 == 0 ? "Harbour Times" : i is 1 or 2 ? "Lone Gazette" : "Test Courier");
            }

            await first.VectorSearchAsync(RandomUnit(), SearchFilter.None, 1);
            await first.ApproximateIndexing;
            await StoreAsync(first, "added-after");
            await first.VectorSearchAsync(RandomUnit(), SearchFilter.None, 1);
            Assert.Equal(1, first.HeldVectors); // the 150 in the graph left in the file; the one added after held
        }

        using var restarted = new EmbeddedNewsStore(_directory.Path, SqliteSchema.KeptDeletions, null, ApproximateFrom);
        await restarted.DeleteArticleAsync("a9");
        using var exact = new EmbeddedNewsStore(_directory.Path, SqliteSchema.KeptDeletions, null, approximateFrom: 0);
        var harbour = new SearchFilter { Sources = ["Harbour Times"] };
        var narrow = new SearchFilter { Sources = ["Lone Gazette"] }; // two articles: fewer than the five asked
        foreach (var vector in Enumerable.Range(0, 12).Select(_ => Query()).Append(_vectors["a9"]).Append(_vectors["added-after"]))
        {
            foreach (var filter in new[] { SearchFilter.None, harbour, narrow })
            {
                AssertSameMatches(await exact.VectorSearchAsync(vector, filter, 5), await restarted.VectorSearchAsync(vector, filter, 5));
            }
        }

        Assert.True(restarted.HeldVectors <= 1, $"{restarted.HeldVectors} vectors held after a restart");
        Assert.DoesNotContain(await restarted.VectorSearchAsync(_vectors["a9"], SearchFilter.None, 5), h => h.ArticleId == "a9");
    }

    [Fact]
    public void Every_passage_of_a_graph_built_from_every_core_is_found_by_its_own_vector()
    {
        // Additions side by side in one USearch graph leave a few passages that no search reaches (about 4 of 2,000).
        const int Count = 2_000;
        var vectors = Enumerable.Range(0, Count).Select(_ => RandomUnit()).ToArray();
        var snapshot = new VectorSnapshot(1, 0, Dimensions, [.. Enumerable.Range(1, Count).Select(i => (long)i)], [.. vectors.SelectMany(v => v)], new string?[Count], new DateTimeOffset?[Count]);
        using var graph = ApproximateIndex.Build(snapshot, segmentPassages: 700);

        Assert.Equal(3, graph.SegmentCount);
        var lost = Enumerable.Range(0, Count).Where(i => !graph.Nearest(vectors[i], 10).Contains(i + 1L)).ToArray();
        Assert.Empty(lost);
    }

    [Fact]
    public void Room_is_reserved_up_front_so_additions_do_not_grow_the_graph_one_at_a_time()
    {
        using var graph = new Cloud.Unum.USearch.USearchIndex(Cloud.Unum.USearch.MetricKind.Cos, Cloud.Unum.USearch.ScalarKind.Int8, Dimensions);
        Assert.True(GraphRoom.TryReserve(graph, 5_000));
        Assert.True(graph.Capacity() >= 5_000);
    }

    [Fact]
    public async Task A_store_below_the_size_builds_no_index()
    {
        using var store = new EmbeddedNewsStore(_directory.Path, SqliteSchema.KeptDeletions, null, ApproximateFrom);
        for (var i = 0; i < 20; i++)
        {
            await StoreAsync(store, $"a{i}");
        }

        Assert.NotEmpty(await store.VectorSearchAsync(RandomUnit(), SearchFilter.None, 3));
        await store.ApproximateIndexing;
        Assert.Null(store.ApproximateGraph);
    }

    [Fact]
    public async Task A_restart_reads_the_index_kept_beside_the_store_and_a_damaged_or_foreign_one_is_built_again()
    {
        using (var first = new EmbeddedNewsStore(_directory.Path, SqliteSchema.KeptDeletions, null, ApproximateFrom))
        {
            for (var i = 0; i < 150; i++)
            {
                await StoreAsync(first, $"a{i}");
            }

            await first.VectorSearchAsync(RandomUnit(), SearchFilter.None, 1);
            await first.ApproximateIndexing;
        }

        var kept = Path.Combine(_directory.Path, EmbeddedNewsStore.IndexFileName);
        var written = File.GetLastWriteTimeUtc(kept);
        await AssertAnswersAsExactAsync(reads: written);

        using (var writer = new EmbeddedNewsStore(_directory.Path))
        {
            await StoreAsync(writer, "added-after");
            await writer.DeleteArticleAsync("a3");
        }

        await AssertAnswersAsExactAsync();
        Assert.True(File.GetLastWriteTimeUtc(kept) > written, "the index was not brought up to date on disk");

        // A damaged index file, and then one described as another store's, are not read: the index is built again.

        await File.WriteAllTextAsync(kept, "not an index");
        await AssertAnswersAsExactAsync();

        await File.WriteAllTextAsync(kept + ".json", """{"Store":"another store","Dimensions":64,"MaxRowId":999999}""");
        await AssertAnswersAsExactAsync();
    }

    [Fact]
    public async Task A_large_index_is_kept_in_segments_and_new_passages_rewrite_only_the_segments_they_went_into()
    {
        const int SegmentPassages = 60;
        using (var first = new EmbeddedNewsStore(_directory.Path, SqliteSchema.KeptDeletions, null, ApproximateFrom, graphSegmentPassages: SegmentPassages))
        {
            for (var i = 0; i < 150; i++)
            {
                await StoreAsync(first, $"a{i}");
            }

            await first.VectorSearchAsync(RandomUnit(), SearchFilter.None, 1);
            await first.ApproximateIndexing;
            Assert.Equal(3, first.ApproximateGraph!.SegmentCount); // 60 + 60 + 30
        }

        var kept = Path.Combine(_directory.Path, EmbeddedNewsStore.IndexFileName);
        var files = new[] { kept, kept + ".1", kept + ".2", kept + ".3" };
        var written = files.Take(3).Select(File.GetLastWriteTimeUtc).ToArray();
        Assert.False(File.Exists(files[3]));
        using (var writer = new EmbeddedNewsStore(_directory.Path))
        {
            for (var i = 0; i < 35; i++)
            {
                await StoreAsync(writer, $"late{i}");
            }

            await writer.DeleteArticleAsync("a3");
        }

        using var restarted = new EmbeddedNewsStore(_directory.Path, SqliteSchema.KeptDeletions, null, ApproximateFrom, graphSegmentPassages: SegmentPassages);
        await restarted.VectorSearchAsync(RandomUnit(), SearchFilter.None, 1); // reads the segments back, then adds the 35
        await restarted.ApproximateIndexing;

        Assert.Equal(4, restarted.ApproximateGraph!.SegmentCount); // the third filled to 60, a fourth holds 5
        Assert.Equal(written[..2], files.Take(2).Select(File.GetLastWriteTimeUtc));
        Assert.NotEqual(written[2], File.GetLastWriteTimeUtc(files[2]));
        Assert.True(File.Exists(files[3]));
        Assert.Equal(0, restarted.HeldVectors);
        using var exact = new EmbeddedNewsStore(_directory.Path, SqliteSchema.KeptDeletions, null, approximateFrom: 0);
        foreach (var vector in Enumerable.Range(0, 12).Select(_ => Query()).Append(_vectors["late30"]).Append(_vectors["a3"]))
        {
            AssertSameMatches(await exact.VectorSearchAsync(vector, SearchFilter.None, 5), await restarted.VectorSearchAsync(vector, SearchFilter.None, 5));
        }

        Assert.DoesNotContain(await restarted.VectorSearchAsync(_vectors["a3"], SearchFilter.None, 5), h => h.ArticleId == "a3");
    }

    /// <summary>A fresh store on the directory, its index ready, answers every query as exact search does.</summary>
    /// <param name="reads">When given, the index file must still be this one (read, not built again).</param>
    private async Task AssertAnswersAsExactAsync(DateTime? reads = null)
    {
        using var approximate = new EmbeddedNewsStore(_directory.Path, SqliteSchema.KeptDeletions, null, ApproximateFrom);
        await approximate.VectorSearchAsync(RandomUnit(), SearchFilter.None, 1);
        await approximate.ApproximateIndexing;
        Assert.NotNull(approximate.ApproximateGraph);
        if (reads is { } unchanged)
        {
            Assert.Equal(unchanged, File.GetLastWriteTimeUtc(Path.Combine(_directory.Path, EmbeddedNewsStore.IndexFileName)));
        }

        using var exact = new EmbeddedNewsStore(_directory.Path, SqliteSchema.KeptDeletions, null, approximateFrom: 0);
        foreach (var vector in Enumerable.Range(0, 10).Select(_ => Query()))
        {
            AssertSameMatches(await exact.VectorSearchAsync(vector, SearchFilter.None, 5), await approximate.VectorSearchAsync(vector, SearchFilter.None, 5));
        }
    }

    private static void AssertSameMatches(IReadOnlyList<PassageHit> exact, IReadOnlyList<PassageHit> approximate) =>
        Assert.Equal(exact.Select(h => h.PassageId), approximate.Select(h => h.PassageId));

    /// <summary>Near one stored article's vector, or anywhere.</summary>
    private float[] Query() => _random.Next(3) == 0 ? RandomUnit() : RandomUnit(_vectors.Values.ElementAt(_random.Next(_vectors.Count)), 0.6f);

    private float[] RandomUnit(float[]? around = null, float noise = 1)
    {
        var vector = Enumerable.Range(0, Dimensions).Select(d => (around?[d] ?? 0) + (noise * (float)((_random.NextDouble() * 2) - 1) / MathF.Sqrt(Dimensions))).ToArray();
        var norm = MathF.Sqrt(vector.Sum(x => x * x));
        return vector.Select(x => x / norm).ToArray();
    }

    public void Dispose() => _directory.Dispose();

    private readonly Dictionary<string, float[]> _vectors = [];

    private async Task StoreAsync(EmbeddedNewsStore store, string id, string source = "Test Courier")
    {
        var article = TestArticles.Make(id, $"Report {id}", $"The council met about item {id}.", source);
        var vector = _vectors[id] = RandomUnit();
        var passages = _chunker.Chunk(article).Select(p => new IndexedPassage(p, vector)).ToArray();
        await store.UpsertArticleAsync(article, passages, new EmbeddingModelInfo("test-model", Dimensions));
    }
}
