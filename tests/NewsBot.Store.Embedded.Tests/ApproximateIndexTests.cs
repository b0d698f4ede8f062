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
    private readonly TempDirectory _directory = new();
    private readonly HashEmbeddingGenerator _embedder = new();
    private readonly PassageChunker _chunker = new(Options.Create(new ChunkingOptions()));
    private readonly Random _random = new(11);
    private readonly string[] _words = Enumerable.Range(0, 400).Select(i => $"w{i}").ToArray();

    [Fact]
    public async Task Searches_through_the_index_find_what_exact_search_finds_as_articles_come_and_go()
    {
        using var approximate = new EmbeddedNewsStore(_directory.Path, SqliteSchema.KeptDeletions, null, ApproximateFrom);
        for (var i = 0; i < 150; i++)
        {
            await StoreAsync(approximate, $"a{i}");
        }

        await approximate.VectorSearchAsync(_embedder.Embed("w1"), SearchFilter.None, 1); // reads the vectors; the index is built
        await approximate.ApproximateIndexing;
        Assert.NotNull(approximate.ApproximateGraph);
        await StoreAsync(approximate, "added-after");
        await approximate.DeleteArticleAsync("a7");
        using var exact = new EmbeddedNewsStore(_directory.Path, SqliteSchema.KeptDeletions, null, approximateFrom: 0);

        var queries = Enumerable.Range(0, 20).Select(_ => Words(6)).Append(Body("added-after")).Append(Body("a7")).ToArray();
        foreach (var query in queries)
        {
            var vector = _embedder.Embed(query);
            var viaIndex = await approximate.VectorSearchAsync(vector, SearchFilter.None, 5);
            var scanned = await exact.VectorSearchAsync(vector, SearchFilter.None, 5);

            Assert.Equal(scanned.Select(h => h.PassageId), viaIndex.Select(h => h.PassageId));
            Assert.DoesNotContain(viaIndex, h => h.ArticleId == "a7");
        }

        Assert.Equal("added-after", (await approximate.VectorSearchAsync(_embedder.Embed(Body("added-after")), SearchFilter.None, 1))[0].ArticleId);
    }

    [Fact]
    public async Task A_store_below_the_size_builds_no_index()
    {
        using var store = new EmbeddedNewsStore(_directory.Path, SqliteSchema.KeptDeletions, null, ApproximateFrom);
        for (var i = 0; i < 20; i++)
        {
            await StoreAsync(store, $"a{i}");
        }

        Assert.NotEmpty(await store.VectorSearchAsync(_embedder.Embed("w1 w2"), SearchFilter.None, 3));
        await store.ApproximateIndexing;
        Assert.Null(store.ApproximateGraph);
    }

    public void Dispose() => _directory.Dispose();

    private readonly Dictionary<string, string> _bodies = [];

    private string Body(string id) => _bodies[id];

    private string Words(int count) => string.Join(' ', Enumerable.Range(0, count).Select(_ => _words[_random.Next(_words.Length)]));

    private async Task StoreAsync(EmbeddedNewsStore store, string id)
    {
        var article = TestArticles.Make(id, $"Report {id}", _bodies[id] = Words(30) + ".");
        var passages = _chunker.Chunk(article).Select(p => new IndexedPassage(p, _embedder.Embed(p.Text))).ToArray();
        await store.UpsertArticleAsync(article, passages, new EmbeddingModelInfo(_embedder.ModelId, _embedder.Dimensions));
    }
}
