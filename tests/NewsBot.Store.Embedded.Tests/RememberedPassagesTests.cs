using Microsoft.Extensions.Options;
using NewsBot.Core.Chunking;
using NewsBot.Core.Storage;
using NewsBot.Testing;
using Xunit;

namespace NewsBot.Store.Embedded.Tests;

/// <summary>
/// Passages a search returned are remembered for the next search, and never outlive a write: an article written
/// again is found with its new text, title and outlet, a deleted one is not found, whether the write came from this
/// store object or another process's.
/// </summary>
public sealed class RememberedPassagesTests : IDisposable
{
    private static readonly EmbeddingModelInfo Model = new("test-model", 4);
    private readonly TempDirectory _directory = new();
    private readonly PassageChunker _chunker = new(Options.Create(new ChunkingOptions()));

    [Fact]
    public async Task A_passage_searched_again_after_a_write_is_read_as_written()
    {
        using var bot = new EmbeddedNewsStore(_directory.Path);
        await WriteAsync(bot, TestArticles.Make("bridge", "Harbour bridge reopens", "The harbour bridge reopened on Monday after repairs.", "Harbour Times"), [1, 0, 0, 0]);
        await WriteAsync(bot, TestArticles.Make("tram", "Tram line extended", "The eastern tram line will reach the airport by spring.", "Northern Wire"), [0, 1, 0, 0]);

        for (var round = 0; round < 2; round++)
        {
            Assert.Contains("reopened", (await bot.KeywordSearchAsync(["bridge"], SearchFilter.None, 5)).Single().Text, StringComparison.Ordinal);
            Assert.Equal("Harbour Times", (await bot.VectorSearchAsync(new float[] { 1, 0, 0, 0 }, SearchFilter.None, 1)).Single().Source);
        }

        // Another process (the CLI) writes the article again, under another title and outlet.
        using (var cli = new EmbeddedNewsStore(_directory.Path))
        {
            await WriteAsync(cli, TestArticles.Make("bridge", "Harbour bridge shut again", "The harbour bridge was shut again on Friday after cracks were found.", "Pacific Dispatch"), [1, 0, 0, 0]);
        }

        var keyword = (await bot.KeywordSearchAsync(["bridge"], SearchFilter.None, 5)).Single();
        Assert.Contains("cracks", keyword.Text, StringComparison.Ordinal);
        Assert.Equal("Harbour bridge shut again", keyword.Title);
        var vector = (await bot.VectorSearchAsync(new float[] { 1, 0, 0, 0 }, SearchFilter.None, 1)).Single();
        Assert.Equal(("Pacific Dispatch", "Harbour bridge shut again"), (vector.Source, vector.Title));

        await bot.DeleteArticleAsync("bridge");
        Assert.Empty(await bot.KeywordSearchAsync(["bridge"], SearchFilter.None, 5));
        Assert.DoesNotContain(await bot.VectorSearchAsync(new float[] { 1, 0, 0, 0 }, SearchFilter.None, 5), h => h.ArticleId == "bridge");
    }

    private async Task WriteAsync(EmbeddedNewsStore store, NewsBot.Core.Articles.Article article, float[] vector) =>
        await store.UpsertArticleAsync(article, _chunker.Chunk(article).Select(p => new IndexedPassage(p, vector)).ToArray(), Model);

    public void Dispose() => _directory.Dispose();
}
