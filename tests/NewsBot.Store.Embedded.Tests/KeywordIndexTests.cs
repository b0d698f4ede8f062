using Microsoft.Extensions.Options;
using NewsBot.Core.Chunking;
using NewsBot.Core.Storage;
using NewsBot.Testing;
using Xunit;

namespace NewsBot.Store.Embedded.Tests;

/// <summary>
/// Keyword search from the in-memory copy of the full-text index gives what SQLite's FTS5 gives: the same passages
/// in the same order with the same bm25 scores, filtered or not, for stemmed, accented, hyphenated and repeated
/// words; and a store written to since is searched in SQLite until the copy is read again.
/// </summary>
public sealed class KeywordIndexTests : IDisposable
{
    private static readonly string[] Vocabulary =
    [
        "council", "councils", "harbour", "bridge", "bridges", "running", "runs", "ran", "storm", "storms", "café",
        "Zürich", "tram", "line", "lines", "budget", "1.2", "billion", "covid-19", "vaccine", "vaccines", "trial",
        "NATO", "Tokyo", "office", "minister", "ministry", "said", "warned", "flood", "floods", "river", "farmers",
        "harvest", "apple", "prices", "fell", "rose", "school", "teachers", "strike", "hospital", "nurses", "rail",
    ];

    private static readonly string[] Outlets = ["Harbour Times", "Northern Wire", "Pacific Dispatch"];

    private readonly TempDirectory _directory = new();
    private readonly PassageChunker _chunker = new(Options.Create(new ChunkingOptions()));
    private readonly Random _random = new(5);

    [Fact]
    public async Task The_in_memory_index_ranks_as_fts5_does_for_any_words_and_filters()
    {
        using var store = new EmbeddedNewsStore(_directory.Path, SqliteSchema.KeptDeletions, null);
        for (var i = 0; i < 60; i++)
        {
            await StoreAsync(store, $"a{i}");
        }

        await store.DeleteArticleAsync("a3");
        using var inSqlite = new EmbeddedNewsStore(_directory.Path, SqliteSchema.KeptDeletions, null, keywordIndexUpTo: 0);
        await store.KeywordSearchAsync(["council"], SearchFilter.None, 1); // starts reading the index
        await store.KeywordIndexing;
        Assert.Equal((await store.GetStatsAsync()).Passages, Assert.IsType<KeywordIndex>(store.KeywordIndex).Count);

        var filters = new[]
        {
            SearchFilter.None,
            new SearchFilter { Sources = ["northern wire"] },
            new SearchFilter { From = DateTimeOffset.Parse("2026-11-10T00:00:00Z"), To = DateTimeOffset.Parse("2026-11-20T00:00:00Z") },
        };
        var queries = Enumerable.Range(0, 30).Select(_ => Enumerable.Range(0, _random.Next(1, 12)).Select(_ => Word().ToLowerInvariant()).Distinct().ToArray())
            .Append(["run", "runs", "running"]).Append(["cafe", "zurich"]).Append(["nothing-like-this"]).Append(["vaccine", "trials", "nurse"])
            .ToArray();
        foreach (var filter in filters)
        {
            foreach (var words in queries)
            {
                var fromMemory = await store.KeywordSearchAsync(words, filter, 10);
                var fromSqlite = await inSqlite.KeywordSearchAsync(words, filter, 10);

                Assert.Equal(fromSqlite.Select(h => h.PassageId), fromMemory.Select(h => h.PassageId));
                Assert.Equal(fromSqlite.Select(h => h.Score), fromMemory.Select(h => h.Score), (a, b) => Math.Abs(a - b) <= 1e-9 * Math.Max(1, Math.Abs(a)));
                Assert.DoesNotContain(fromMemory, h => h.ArticleId == "a3");
            }
        }

        Assert.True(await store.ContainsWordAsync("councils"));
        Assert.True(await store.ContainsWordAsync("Zurich"));
        Assert.False(await store.ContainsWordAsync("volcano"));
    }

    [Fact]
    public async Task A_passage_written_after_the_index_was_read_is_found_at_once()
    {
        using var store = new EmbeddedNewsStore(_directory.Path, SqliteSchema.KeptDeletions, null);
        for (var i = 0; i < 5; i++)
        {
            await StoreAsync(store, $"a{i}");
        }

        await store.KeywordSearchAsync(["council"], SearchFilter.None, 1);
        await store.KeywordIndexing;
        var article = TestArticles.Make("volcano-1", "Volcano erupts near the coast", "The volcano erupted at dawn and ash fell on the coast.");
        await store.UpsertArticleAsync(article, _chunker.Chunk(article).Select(p => new IndexedPassage(p, Unit())).ToArray(), new EmbeddingModelInfo("test-model", 8));

        Assert.Equal("volcano-1", Assert.Single(await store.KeywordSearchAsync(["volcano"], SearchFilter.None, 5)).ArticleId);
        Assert.True(await store.ContainsWordAsync("erupted"));
    }

    public void Dispose() => _directory.Dispose();

    private string Word() => Vocabulary[_random.Next(Vocabulary.Length)];

    private float[] Unit()
    {
        var vector = Enumerable.Range(0, 8).Select(_ => (float)_random.NextDouble() + 0.1f).ToArray();
        var norm = MathF.Sqrt(vector.Sum(x => x * x));
        return vector.Select(x => x / norm).ToArray();
    }

    private async Task StoreAsync(EmbeddedNewsStore store, string id)
    {
        var sentences = Enumerable.Range(0, _random.Next(2, 9))
            .Select(_ => string.Join(' ', Enumerable.Range(0, _random.Next(4, 14)).Select(_ => Word())) + ".");
        var article = TestArticles.Make(
            id, $"{Word()} {Word()} {Word()}", string.Join(' ', sentences), Outlets[_random.Next(Outlets.Length)], $"2026-11-{_random.Next(1, 29):00}T09:00:00Z");
        await store.UpsertArticleAsync(article, _chunker.Chunk(article).Select(p => new IndexedPassage(p, Unit())).ToArray(), new EmbeddingModelInfo("test-model", 8));
    }
}
