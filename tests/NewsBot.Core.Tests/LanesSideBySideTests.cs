using Microsoft.Extensions.DependencyInjection;
using NewsBot.Core.Articles;
using NewsBot.Core.Ingestion;
using NewsBot.Core.Search;
using NewsBot.Core.Storage;
using NewsBot.Store.Embedded;
using NewsBot.Testing;
using Xunit;

namespace NewsBot.Core.Tests;

/// <summary>
/// A question naming several outlets is searched in one lane per outlet; the lanes are searched side by side, so the
/// question waits for the slowest lane rather than for all of them in turn.
/// </summary>
public sealed class LanesSideBySideTests : IDisposable
{
    private readonly TempDirectory _data = new();

    [Theory]
    [InlineData("What did Harbour Post and Valley Ledger report about the ferry sale?", 2)]
    [InlineData("Did Harbour Post, Valley Ledger and Coastline Courier all report the council vote?", 3)]
    public async Task Each_named_outlets_lane_is_searched_beside_the_others(string question, int outlets)
    {
        using var embedded = new EmbeddedNewsStore(_data.Path);
        var store = new MeetingStore(embedded, outlets);
        using var services = TestServices.CoreWithHashEmbeddings(new HashEmbeddingGenerator())
            .AddSingleton<INewsStore>(store)
            .BuildServiceProvider();
        string[] sources = ["Harbour Post", "Valley Ledger", "Coastline Courier"];
        await services.GetRequiredService<IngestionPipeline>().IngestAsync([.. sources.Select((s, i) => TestArticles.Make(
            "a-" + i, "Ferry sale and council vote " + i, $"The council vote on the ferry sale passed, {s} reported, with {i + 3} members against.", s, "2026-11-02T08:00:00Z"))]);

        var hits = await services.GetRequiredService<NewsSearch>().SearchAsync(question);

        Assert.True(store.AllMet, "an outlet's lane waited for another lane to finish before it was searched");
        Assert.Equal(outlets, hits.Select(h => h.Source).Distinct().Count());
    }

    public void Dispose()
    {
        _data.Dispose();
    }

    /// <summary>A store whose vector search for one outlet waits (up to 5 s) until every outlet's lane has asked for its own.</summary>
    private sealed class MeetingStore(INewsStore inner, int lanes) : INewsStore
    {
        private readonly HashSet<string> _arrived = [];
        private readonly TaskCompletionSource _everyLane = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _missed;

        public bool AllMet => _everyLane.Task.IsCompleted && _missed == 0;

        public async Task<IReadOnlyList<PassageHit>> VectorSearchAsync(ReadOnlyMemory<float> vector, SearchFilter filter, int top, CancellationToken cancellationToken = default)
        {
            if (filter.Sources.Count == 1)
            {
                lock (_arrived)
                {
                    if (_arrived.Add(filter.Sources[0]) && _arrived.Count == lanes)
                    {
                        _everyLane.TrySetResult();
                    }
                }

                if (await Task.WhenAny(_everyLane.Task, Task.Delay(TimeSpan.FromSeconds(5), cancellationToken)) != _everyLane.Task)
                {
                    Interlocked.Increment(ref _missed);
                }
            }

            return await inner.VectorSearchAsync(vector, filter, top, cancellationToken);
        }

        public Task<string?> GetContentHashAsync(string articleId, CancellationToken cancellationToken = default) => inner.GetContentHashAsync(articleId, cancellationToken);

        public Task UpsertArticleAsync(Article article, IReadOnlyList<IndexedPassage> passages, EmbeddingModelInfo model, CancellationToken cancellationToken = default) =>
            inner.UpsertArticleAsync(article, passages, model, cancellationToken);

        public Task<bool> DeleteArticleAsync(string articleId, CancellationToken cancellationToken = default) => inner.DeleteArticleAsync(articleId, cancellationToken);

        public Task<IReadOnlyList<PassageHit>> KeywordSearchAsync(IReadOnlyList<string> terms, SearchFilter filter, int top, CancellationToken cancellationToken = default) =>
            inner.KeywordSearchAsync(terms, filter, top, cancellationToken);

        public Task<Article?> GetArticleAsync(string articleId, CancellationToken cancellationToken = default) => inner.GetArticleAsync(articleId, cancellationToken);

        public Task<IReadOnlyList<Article>> GetLatestArticlesAsync(int count, SearchFilter filter, CancellationToken cancellationToken = default) =>
            inner.GetLatestArticlesAsync(count, filter, cancellationToken);

        public Task<StoreStats> GetStatsAsync(CancellationToken cancellationToken = default) => inner.GetStatsAsync(cancellationToken);

        public Task<IReadOnlyList<string>> GetSourcesAsync(CancellationToken cancellationToken = default) => inner.GetSourcesAsync(cancellationToken);

        public IAsyncEnumerable<StoredArticle> ExportAsync(CancellationToken cancellationToken = default) => inner.ExportAsync(cancellationToken);
    }
}
