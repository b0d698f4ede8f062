using Microsoft.Extensions.Options;
using NewsBot.Core.Chunking;
using NewsBot.Core.Embeddings;
using NewsBot.Core.Storage;
using NewsBot.Testing;
using Xunit;

namespace NewsBot.Store.Embedded.Tests;

/// <summary>What only a store on disk must do: survive restarts, share its files with other processes, refuse a bad file.</summary>
public sealed class EmbeddedStoreFileTests : IDisposable
{
    private readonly TempDirectory _directory = new();
    private readonly HashEmbeddingGenerator _embedder = new();
    private readonly PassageChunker _chunker = new(Options.Create(new ChunkingOptions()));

    [Fact]
    public async Task Articles_survive_a_restart()
    {
        await StoreAsync(new EmbeddedNewsStore(_directory.Path), TestArticles.Harbour);

        var reopened = new EmbeddedNewsStore(_directory.Path);

        Assert.Equal(1, (await reopened.GetStatsAsync()).Articles);
        Assert.Equal(TestArticles.Harbour.Id, (await reopened.VectorSearchAsync(_embedder.Embed("harbour bridge"), SearchFilter.None, 1))[0].ArticleId);
    }

    [Fact]
    public async Task A_reader_sees_what_another_writer_stored_without_reopening()
    {
        var reader = new EmbeddedNewsStore(_directory.Path);
        var writer = new EmbeddedNewsStore(_directory.Path);
        await StoreAsync(writer, TestArticles.Harbour);
        Assert.Single(await reader.VectorSearchAsync(_embedder.Embed("harbour"), SearchFilter.None, 5));

        await StoreAsync(writer, TestArticles.Election);
        await writer.DeleteArticleAsync(TestArticles.Harbour.Id);

        var hits = await reader.VectorSearchAsync(_embedder.Embed("harbour"), SearchFilter.None, 5);
        Assert.Equal([TestArticles.Election.Id], hits.Select(h => h.ArticleId));
    }

    [Fact]
    public async Task A_reader_catching_up_on_updates_and_deletions_finds_what_a_fresh_reader_finds()
    {
        var reader = new EmbeddedNewsStore(_directory.Path);
        var writer = new EmbeddedNewsStore(_directory.Path);
        for (var i = 0; i < 12; i++)
        {
            await StoreAsync(writer, TestArticles.Make($"a{i}", $"Report {i}", $"Harbour words {i} and {i * 7}.", source: i % 2 == 0 ? "Even Post" : "Odd Times"));
        }

        await reader.VectorSearchAsync(_embedder.Embed("harbour"), SearchFilter.None, 5); // Reads every vector.
        await StoreAsync(writer, TestArticles.Make("a3", "Report 3, corrected", "Tram fares rise in the spring.", source: "Even Post"));
        await writer.DeleteArticleAsync("a4");
        await StoreAsync(writer, TestArticles.Make("a12", "Report 12", "Harbour tram words 12.", source: "Odd Times"));
        await writer.DeleteArticleAsync("a12");
        await StoreAsync(writer, TestArticles.Make("a13", "Report 13", "Harbour tram fares 13.", source: "Odd Times"));

        var fresh = new EmbeddedNewsStore(_directory.Path);
        foreach (var (query, filter) in new[] { ("tram fares", SearchFilter.None), ("harbour words 4", SearchFilter.None), ("harbour", new SearchFilter { Sources = ["Even Post"] }) })
        {
            // Few results, so a deleted passage still held in memory would take a place (and come back as nothing).
            var caughtUp = await reader.VectorSearchAsync(_embedder.Embed(query), filter, 3);
            var expected = await fresh.VectorSearchAsync(_embedder.Embed(query), filter, 3);
            Assert.Equal(expected.Select(h => (h.PassageId, h.Score)), caughtUp.Select(h => (h.PassageId, h.Score)));
        }

        var all = await reader.VectorSearchAsync(_embedder.Embed("harbour"), SearchFilter.None, 100);
        Assert.DoesNotContain(all, h => h.ArticleId is "a4" or "a12");
        Assert.Contains(all, h => h.ArticleId == "a13");
        Assert.Equal(12, all.Count);
    }

    [Fact]
    public async Task A_reader_further_behind_than_the_deletions_kept_reads_everything_again_and_is_right()
    {
        var reader = new EmbeddedNewsStore(_directory.Path);
        var writer = new EmbeddedNewsStore(_directory.Path, keptDeletions: 2);
        for (var i = 0; i < 8; i++)
        {
            await StoreAsync(writer, TestArticles.Make($"a{i}", $"Report {i}", $"Harbour words {i} and {i * 7}."));
        }

        await reader.VectorSearchAsync(_embedder.Embed("harbour"), SearchFilter.None, 5);
        for (var i = 0; i < 6; i++)
        {
            await writer.DeleteArticleAsync($"a{i}"); // Six deletions; the log keeps two.
        }

        // The nearest passages were deleted: held in memory they would fill the two places and come back as nothing.
        var hits = await reader.VectorSearchAsync(_embedder.Embed("Harbour words 0 and 0. Harbour words 1 and 7."), SearchFilter.None, 2);
        Assert.Equal(["a6", "a7"], hits.Select(h => h.ArticleId).Order());
    }

    [Fact]
    public async Task A_file_that_is_not_a_store_gets_a_clear_error_and_is_left_alone()
    {
        var path = _directory.File(EmbeddedNewsStore.FileName, "these are somebody's notes, not a database");

        var error = await Assert.ThrowsAsync<StoreUnavailableException>(() => new EmbeddedNewsStore(_directory.Path).GetStatsAsync());

        Assert.Contains("not a NewsBot store", error.Message, StringComparison.Ordinal);
        Assert.Equal("these are somebody's notes, not a database", await File.ReadAllTextAsync(path));
    }

    [Fact]
    public async Task Exact_vector_search_returns_the_true_nearest_passages_in_order()
    {
        var store = new EmbeddedNewsStore(_directory.Path);
        for (var i = 0; i < 30; i++)
        {
            await StoreAsync(store, TestArticles.Make($"a{i}", $"Report {i}", $"Words {i} and {i * 7} and {i % 5} plus harbour {i % 3}."));
        }

        var query = _embedder.Embed("harbour 2 words 14");
        var hits = await store.VectorSearchAsync(query, SearchFilter.None, 10);

        var all = await store.VectorSearchAsync(query, SearchFilter.None, 1000);
        Assert.Equal(30, all.Count);
        // Exact: no passage left out scores higher than one returned (ties may come in either order).
        var leftOut = all.Where(a => hits.All(h => h.PassageId != a.PassageId)).Max(a => a.Score);
        Assert.All(hits, h => Assert.True(h.Score >= leftOut));
        Assert.Equal(all.Take(10).Select(h => h.Score), hits.Select(h => h.Score));
        Assert.True(hits.Zip(hits.Skip(1)).All(p => p.First.Score >= p.Second.Score));
    }

    [Fact]
    public async Task A_store_written_before_sentence_vectors_were_kept_opens_keeps_its_articles_and_stores_them_for_new_ones()
    {
        await StoreAsync(new EmbeddedNewsStore(_directory.Path), TestArticles.Harbour);
        await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(_directory.Path, "newsbot.db")};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "ALTER TABLE passages DROP COLUMN sentence_vectors";
            await command.ExecuteNonQueryAsync();
        }

        var reopened = new EmbeddedNewsStore(_directory.Path);
        var old = await reopened.VectorSearchAsync(_embedder.Embed("harbour bridge"), SearchFilter.None, 1);
        await StoreAsync(reopened, TestArticles.Election);
        var added = await reopened.KeywordSearchAsync(["mayor"], SearchFilter.None, 1);

        Assert.Equal((TestArticles.Harbour.Id, (SentenceVectors?)null), (old[0].ArticleId, old[0].Sentences));
        Assert.Equal(PassageSentences.Of(added[0].Text).Count, added[0].Sentences?.Count);
    }

    private async Task StoreAsync(EmbeddedNewsStore store, NewsBot.Core.Articles.Article article)
    {
        var passages = _chunker.Chunk(article).Select(p => new IndexedPassage(p, _embedder.Embed(p.Text))
        {
            Sentences = SentenceVectors.Quantise(PassageSentences.Of(p.Text).Select(s => (ReadOnlyMemory<float>)_embedder.Embed(s)).ToArray()),
        }).ToArray();
        await store.UpsertArticleAsync(article, passages, new EmbeddingModelInfo(_embedder.ModelId, _embedder.Dimensions));
    }

    public void Dispose() => _directory.Dispose();
}
