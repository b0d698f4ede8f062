using System.Diagnostics;
using NewsBot.Core.Articles;
using NewsBot.Core.Chunking;
using NewsBot.Core.Embeddings;

namespace NewsBot.Core.Ingestion;

/// <summary>A new or changed article, chunked, waiting for its batch to be embedded.</summary>
internal sealed record PendingArticle(int Position, string Location, Article Article, IReadOnlyList<Passage> Passages, string? StoredHash);

/// <summary>
/// New and changed articles wait until about <c>batchPassages</c> passages are ready, then are embedded in one call
/// (the model runs the short passages of several articles together). A batch is stored, one article at a time and in
/// input order, while the model embeds the next. Disposing waits for the batch being stored, so a failed run stops
/// only after what was embedded before the failure is stored.
/// </summary>
internal sealed class ArticleBatches(
    Func<string[], Task<IReadOnlyList<PassageVectors>>> embed,
    Func<PendingArticle, PassageVectors[], Task> store,
    int batchPassages) : IAsyncDisposable
{
    private readonly List<PendingArticle> _pending = [];
    private PendingArticle[] _inFlight = [];
    private Task _storing = Task.CompletedTask;

    public TimeSpan EmbeddingTime { get; private set; }

    /// <summary>Whether the article is waiting or being stored (so its stored hash may be about to change).</summary>
    public bool Holds(string articleId) =>
        _pending.Exists(p => p.Article.Id == articleId) || Array.Exists(_inFlight, p => p.Article.Id == articleId);

    public async Task AddAsync(PendingArticle article)
    {
        _pending.Add(article);
        if (_pending.Sum(p => p.Passages.Count) >= batchPassages)
        {
            await EmbedPendingAsync();
        }
    }

    /// <summary>Embeds and stores everything added so far.</summary>
    public async Task DrainAsync()
    {
        await EmbedPendingAsync();
        await _storing;
        _inFlight = [];
    }

    public async ValueTask DisposeAsync() => await _storing.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);

    private async Task EmbedPendingAsync()
    {
        if (_pending.Count == 0)
        {
            return;
        }

        var batch = _pending.ToArray();
        _pending.Clear();
        var started = Stopwatch.GetTimestamp();
        var vectors = await embed(batch.SelectMany(p => p.Passages.Select(x => x.Text)).ToArray());
        EmbeddingTime += Stopwatch.GetElapsedTime(started);
        await _storing;
        _inFlight = batch;
        _storing = StoreAsync(batch, vectors);
    }

    private async Task StoreAsync(PendingArticle[] batch, IReadOnlyList<PassageVectors> vectors)
    {
        var offset = 0;
        foreach (var article in batch)
        {
            await store(article, vectors.Skip(offset).Take(article.Passages.Count).ToArray());
            offset += article.Passages.Count;
        }
    }
}
