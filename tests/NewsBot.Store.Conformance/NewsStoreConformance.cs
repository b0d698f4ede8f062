using Microsoft.Extensions.Options;
using NewsBot.Core.Articles;
using NewsBot.Core.Chunking;
using NewsBot.Core.Embeddings;
using NewsBot.Core.Search;
using NewsBot.Core.Storage;
using NewsBot.Testing;
using Xunit;

namespace NewsBot.Store.Conformance;

/// <summary>
/// What every store must do, run against each of them: an article is replaced whole, never duplicated, searchable
/// by keyword and by vector, filterable by outlet and date, and a store never mixes embedding models.
/// </summary>
public abstract class NewsStoreConformance : IAsyncLifetime
{
    private static readonly PassageChunker Chunker = new(Options.Create(new ChunkingOptions()));
    private readonly HashEmbeddingGenerator _embedder = new();

    protected INewsStore Store { get; private set; } = null!;

    protected EmbeddingModelInfo Model => new(_embedder.ModelId, _embedder.Dimensions);

    /// <summary>A new, empty store; null when the store's server is not configured (the tests then report as skipped).</summary>
    protected abstract Task<INewsStore?> CreateStoreAsync();

    /// <summary>Why the store is not available, shown as the skip reason.</summary>
    protected virtual string SkipReason => "the store is not available";

    protected void SkipUnlessAvailable() => Skip.If(Store is null, SkipReason);

    protected virtual Task DisposeStoreAsync() => Task.CompletedTask;

    public async Task InitializeAsync() => Store = (await CreateStoreAsync())!;

    public Task DisposeAsync() => DisposeStoreAsync();

    protected async Task<int> StoreAsync(Article article, EmbeddingModelInfo? model = null)
    {
        var passages = Chunker.Chunk(article).Select(p => new IndexedPassage(p, _embedder.Embed(p.Text)) { Sentences = SentenceVectorsOf(p.Text) }).ToArray();
        await Store.UpsertArticleAsync(article, passages, model ?? Model);
        return passages.Length;
    }

    /// <summary>What ingest stores beside a passage: its sentences' vectors, in order.</summary>
    private SentenceVectors SentenceVectorsOf(string passageText) =>
        SentenceVectors.Quantise(PassageSentences.Of(passageText).Select(s => (ReadOnlyMemory<float>)_embedder.Embed(s)).ToArray());

    protected Task<IReadOnlyList<PassageHit>> KeywordAsync(string words, SearchFilter? filter = null, int top = 10) =>
        Store.KeywordSearchAsync(words.Split(' '), filter ?? SearchFilter.None, top);

    protected Task<IReadOnlyList<PassageHit>> VectorAsync(string text, SearchFilter? filter = null, int top = 10) =>
        Store.VectorSearchAsync(_embedder.Embed(text), filter ?? SearchFilter.None, top);

    [SkippableFact]
    public async Task A_stored_article_comes_back_with_its_metadata_and_hash()
    {
        SkipUnlessAvailable();
        var article = TestArticles.Harbour;
        await StoreAsync(article);

        var stored = await Store.GetArticleAsync(article.Id);
        Assert.NotNull(stored);
        Assert.Equal(article.Title, stored.Title);
        Assert.Equal(article.Source, stored.Source);
        Assert.Equal(article.Url, stored.Url);
        Assert.Equal(article.PublishedAt, stored.PublishedAt);
        Assert.Equal(article.ContentHash, await Store.GetContentHashAsync(article.Id));
        Assert.Null(await Store.GetContentHashAsync("no-such-article"));
    }

    [SkippableFact]
    public async Task Storing_the_same_article_twice_leaves_one_copy()
    {
        SkipUnlessAvailable();
        var passages = await StoreAsync(TestArticles.Long("twice", 40));
        await StoreAsync(TestArticles.Long("twice", 40));

        var stats = await Store.GetStatsAsync();
        Assert.Equal(1, stats.Articles);
        Assert.Equal(passages, stats.Passages);
        var hits = await KeywordAsync("council", top: 50);
        Assert.Equal(hits.Count, hits.Select(h => h.PassageId).Distinct().Count());
    }

    [SkippableFact]
    public async Task A_changed_article_replaces_its_old_passages()
    {
        SkipUnlessAvailable();
        await StoreAsync(TestArticles.Harbour);
        var changed = TestArticles.Harbour with { Body = "The harbour bridge closed again on Friday because a ferry struck a pillar. Divers inspected the damage." };
        await StoreAsync(changed);

        Assert.Empty(await KeywordAsync("repainted"));
        var hit = Assert.Single(await KeywordAsync("ferry"));
        Assert.Equal(changed.Id, hit.ArticleId);
        Assert.Equal(1, (await Store.GetStatsAsync()).Passages);
        Assert.Equal(changed.ContentHash, await Store.GetContentHashAsync(changed.Id));
    }

    [SkippableFact]
    public async Task Deleting_an_article_removes_it_from_every_search()
    {
        SkipUnlessAvailable();
        await StoreAsync(TestArticles.Harbour);
        await StoreAsync(TestArticles.Election);

        Assert.True(await Store.DeleteArticleAsync(TestArticles.Harbour.Id));
        Assert.False(await Store.DeleteArticleAsync(TestArticles.Harbour.Id));

        Assert.Null(await Store.GetArticleAsync(TestArticles.Harbour.Id));
        Assert.Empty(await KeywordAsync("bridge"));
        Assert.DoesNotContain(await VectorAsync("harbour bridge reopens"), h => h.ArticleId == TestArticles.Harbour.Id);
        Assert.Equal(1, (await Store.GetStatsAsync()).Articles);
    }

    [SkippableFact]
    public async Task Keyword_search_ranks_the_passage_with_the_words_first()
    {
        SkipUnlessAvailable();
        await StoreAsync(TestArticles.Harbour);
        await StoreAsync(TestArticles.Election);
        await StoreAsync(TestArticles.Orchard);

        var hits = await KeywordAsync("mayor turnout");
        Assert.Equal(TestArticles.Election.Id, hits[0].ArticleId);
        Assert.StartsWith(TestArticles.Election.Title, hits[0].Text, StringComparison.Ordinal);
        Assert.Equal(TestArticles.Election.Url, hits[0].Url);
        Assert.Equal("Daily Lantern", hits[0].Source);
    }

    [SkippableFact]
    public async Task Keyword_search_treats_query_syntax_as_plain_words()
    {
        SkipUnlessAvailable();
        await StoreAsync(TestArticles.Election);

        var hits = await Store.KeywordSearchAsync(["mayor\"", "OR", "NEAR(", "*", "-"], SearchFilter.None, 10);

        Assert.Equal(TestArticles.Election.Id, Assert.Single(hits).ArticleId);
    }

    [SkippableFact]
    public async Task Vector_search_ranks_the_nearest_passage_first()
    {
        SkipUnlessAvailable();
        await StoreAsync(TestArticles.Harbour);
        await StoreAsync(TestArticles.Election);
        await StoreAsync(TestArticles.Orchard);

        var hits = await VectorAsync("apple harvest orchards valley growers");
        Assert.Equal(TestArticles.Orchard.Id, hits[0].ArticleId);
        Assert.True(hits[0].Score > hits[^1].Score);
    }

    [SkippableFact]
    public async Task Filters_restrict_both_searches_to_an_outlet_and_a_date_range()
    {
        SkipUnlessAvailable();
        await StoreAsync(TestArticles.Harbour);
        await StoreAsync(TestArticles.Election);
        await StoreAsync(TestArticles.Orchard);
        var lantern = new SearchFilter { Sources = ["daily lantern"] };
        var november = new SearchFilter { From = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero), To = new DateTimeOffset(2026, 11, 5, 0, 0, 0, TimeSpan.Zero) };

        Assert.All(await KeywordAsync("the", lantern), h => Assert.Equal("Daily Lantern", h.Source));
        Assert.All(await VectorAsync("the harvest", lantern), h => Assert.Equal("Daily Lantern", h.Source));
        Assert.Equal([TestArticles.Harbour.Id], (await KeywordAsync("the", november)).Select(h => h.ArticleId).Distinct());
        Assert.Equal([TestArticles.Harbour.Id], (await VectorAsync("the apple harvest", november)).Select(h => h.ArticleId).Distinct());
    }

    [SkippableFact]
    public async Task Vectors_of_another_model_are_refused_and_nothing_changes()
    {
        SkipUnlessAvailable();
        await StoreAsync(TestArticles.Harbour);

        var other = new EmbeddingModelInfo("another-model", Model.Dimensions);
        var error = await Assert.ThrowsAsync<EmbeddingModelMismatchException>(() => StoreAsync(TestArticles.Election, other));

        Assert.Contains("test-hash", error.Message, StringComparison.Ordinal);
        Assert.Contains("another-model", error.Message, StringComparison.Ordinal);
        Assert.Null(await Store.GetArticleAsync(TestArticles.Election.Id));
        Assert.Equal(1, (await Store.GetStatsAsync()).Articles);
        Assert.Equal(Model, (await Store.GetStatsAsync()).EmbeddingModel);
    }

    [SkippableFact]
    public async Task Stats_sources_and_latest_articles_describe_what_is_stored()
    {
        SkipUnlessAvailable();
        await StoreAsync(TestArticles.Harbour);
        await StoreAsync(TestArticles.Election);
        await StoreAsync(TestArticles.Orchard);

        var stats = await Store.GetStatsAsync();
        Assert.Equal(3, stats.Articles);
        Assert.Equal(3, stats.Sources);
        Assert.Equal(TestArticles.Orchard.PublishedAt, stats.Oldest);
        Assert.Equal(TestArticles.Election.PublishedAt, stats.Newest);
        Assert.Equal(["Daily Lantern", "Test Courier", "Valley Post"], (await Store.GetSourcesAsync()).Order());
        Assert.Equal([TestArticles.Election.Id, TestArticles.Harbour.Id], (await Store.GetLatestArticlesAsync(2, SearchFilter.None)).Select(a => a.Id));
    }

    [SkippableFact]
    public async Task Undated_articles_are_listed_after_the_dated_ones_and_a_count_of_zero_lists_none()
    {
        SkipUnlessAvailable();
        await StoreAsync(TestArticles.Harbour with { Id = "undated-1", PublishedAt = null });
        await StoreAsync(TestArticles.Election);

        var latest = await Store.GetLatestArticlesAsync(5, SearchFilter.None);

        Assert.Equal([TestArticles.Election.Id, "undated-1"], latest.Select(a => a.Id));
        Assert.Empty(await Store.GetLatestArticlesAsync(0, SearchFilter.None));
    }

    [SkippableFact]
    public async Task Keyword_queries_are_tokenized_like_passages()
    {
        SkipUnlessAvailable();
        await StoreAsync(TestArticles.Election);

        Assert.Equal(TestArticles.Election.Id, (await Store.KeywordSearchAsync(["Mayor\""], SearchFilter.None, 5)).Single().ArticleId);
        Assert.Equal(TestArticles.Election.Id, (await Store.KeywordSearchAsync(["OR", "MAYOR"], SearchFilter.None, 5)).Single().ArticleId);
    }

    [SkippableFact]
    public async Task The_latest_articles_can_be_restricted_to_outlets_and_a_period()
    {
        SkipUnlessAvailable();
        await StoreAsync(TestArticles.Harbour);
        await StoreAsync(TestArticles.Election);
        await StoreAsync(TestArticles.Orchard);
        var newest = TestArticles.Election.PublishedAt!.Value;

        var fromOutlet = await Store.GetLatestArticlesAsync(5, new SearchFilter { Sources = [TestArticles.Orchard.Source!.ToUpperInvariant()] });
        var lastDay = await Store.GetLatestArticlesAsync(5, new SearchFilter { From = newest.AddHours(-1), To = newest.AddHours(1) });
        var beforeNewest = await Store.GetLatestArticlesAsync(5, new SearchFilter { To = newest });

        Assert.Equal([TestArticles.Orchard.Id], fromOutlet.Select(a => a.Id));
        Assert.Equal([TestArticles.Election.Id], lastDay.Select(a => a.Id));
        Assert.Equal([TestArticles.Harbour.Id, TestArticles.Orchard.Id], beforeNewest.Select(a => a.Id));
    }

    [SkippableFact]
    public async Task An_export_gives_back_every_article_whole_with_its_vectors()
    {
        SkipUnlessAvailable();
        var passages = await StoreAsync(TestArticles.Long("exported", 40));
        await StoreAsync(TestArticles.Election);

        var exported = new List<StoredArticle>();
        await foreach (var item in Store.ExportAsync())
        {
            exported.Add(item);
        }

        Assert.Equal(["election-1", "exported"], exported.Select(e => e.Article.Id).Order());
        var long1 = exported.Single(e => e.Article.Id == "exported");
        Assert.Equal(passages, long1.Passages.Count);
        Assert.Equal(Enumerable.Range(0, passages), long1.Passages.Select(p => p.Passage.Index));
        Assert.Equal(TestArticles.Long("exported", 40).ContentHash, long1.Article.ContentHash);
        Assert.Equal(Model, long1.Model);
        Assert.All(long1.Passages, p => Assert.Equal(Model.Dimensions, p.Vector.Length));
    }

    [SkippableFact]
    public async Task A_passage_comes_back_with_its_sentences_vectors_from_every_search_and_the_export()
    {
        SkipUnlessAvailable();
        await StoreAsync(TestArticles.Harbour);

        var keyword = await KeywordAsync("bridge");
        var vector = await VectorAsync(TestArticles.Harbour.Body);
        var exported = new List<StoredArticle>();
        await foreach (var item in Store.ExportAsync())
        {
            exported.Add(item);
        }

        foreach (var (text, sentences) in keyword.Concat(vector).Select(h => (h.Text, h.Sentences))
                     .Concat(exported.SelectMany(e => e.Passages).Select(p => (p.Passage.Text, p.Sentences))))
        {
            var expected = PassageSentences.Of(text);
            Assert.NotNull(sentences);
            Assert.Equal(expected.Count, sentences.Count);
            for (var i = 0; i < expected.Count; i++)
            {
                Assert.True(System.Numerics.Tensors.TensorPrimitives.Dot(sentences[i].Span, _embedder.Embed(expected[i])) > 0.99, $"sentence {i} of a passage came back with another vector");
            }
        }

        Assert.NotEmpty(keyword);
        Assert.NotEmpty(vector);
    }

    [SkippableFact]
    public async Task A_word_is_known_when_a_stored_passage_has_it_in_any_form_and_query_syntax_is_a_plain_word()
    {
        SkipUnlessAvailable();
        await StoreAsync(TestArticles.Harbour);

        Assert.True(await Store.ContainsWordAsync("bridge"));
        Assert.True(await Store.ContainsWordAsync("Engineers"));
        Assert.False(await Store.ContainsWordAsync("volcano"));
        Assert.False(await Store.ContainsWordAsync("bridge OR volcano\""));
        Assert.False(await Store.ContainsWordAsync(" "));
    }

    [SkippableFact]
    public async Task A_store_tells_an_article_stored_without_sentence_vectors_from_one_stored_with_them()
    {
        SkipUnlessAvailable();
        await StoreAsync(TestArticles.Harbour);
        var old = Chunker.Chunk(TestArticles.Election).Select(p => new IndexedPassage(p, _embedder.Embed(p.Text))).ToArray();
        await Store.UpsertArticleAsync(TestArticles.Election, old, Model);

        Assert.False(await Store.LacksSentenceVectorsAsync(TestArticles.Harbour.Id));
        Assert.True(await Store.LacksSentenceVectorsAsync(TestArticles.Election.Id));
        Assert.False(await Store.LacksSentenceVectorsAsync("no-such-article"));
    }

    [SkippableFact]
    public async Task A_ranker_orders_the_stores_hybrid_candidates_and_reads_their_sentence_vectors()
    {
        SkipUnlessAvailable();
        await StoreAsync(TestArticles.Harbour);
        await StoreAsync(TestArticles.Election);
        await StoreAsync(TestArticles.Orchard);
        var ranker = new ReversingRanker();
        var search = new NewsSearch(Store, new NewsEmbedder(_embedder, new EmbeddingProfile(_embedder.ModelId, _embedder.Dimensions, "")),
            Options.Create(new SearchOptions()), copies: null, ranker);

        var hits = await search.SearchAsync("harbour bridge repairs mayor election", top: 10);

        Assert.True(ranker.Seen.Count >= 2);
        Assert.All(ranker.Seen, c => Assert.NotNull(c.Hit.Sentences));
        Assert.Equal(ranker.Seen.Select(c => c.Hit.PassageId).Reverse().Take(hits.Count), hits.Select(h => h.PassageId));
    }

    /// <summary>Puts the fusion's last first, so the result shows whose order it is.</summary>
    private sealed class ReversingRanker : IPassageRanker
    {
        public IReadOnlyList<RankingCandidate> Seen { get; private set; } = [];

        public IReadOnlyList<RankingCandidate> Rank(RankingQuery query, IReadOnlyList<RankingCandidate> candidates)
        {
            Seen = candidates;
            return candidates.Reverse().ToArray();
        }
    }
}
