using System.Diagnostics;
using NewsBot.Core.Articles;
using NewsBot.Core.Chunking;
using NewsBot.Core.Embeddings;

namespace NewsBot.Core.Ingestion;

/// <summary>A new or changed article, chunked, waiting for its batch to be embedded.</summary>
internal sealed record PendingArticle(int Position, string Location, Article Article, IReadOnlyList<Passage> Passages, string? StoredHash);

/// <summary>
/// New and changed articles wait until about <c>batchPassages</c> passages are ready, then are embedded in one call
/// (the model runs the short passages of several articles together). The model works while the next batch is read
/// and chunked and the one before is stored (one article at a time, in input order), so it never waits for them.
/// Disposing waits for the batch being embedded and the one being stored, so a failed run stops only after what was
/// embedded before the failure is stored.
/// </summary>
internal sealed class ArticleBatches(
    Func<string[], Task<IReadOnlyList<PassageVectors>>> embed,
    Func<PendingArticle, PassageVectors[], Task> store,
    int batchPassages) : IAsyncDisposable
{
    private readonly List<PendingArticle> _pending = [];
    private PendingArticle[] _embedding = [];
    private Task<IReadOnlyList<PassageVectors>>? _vectors;
    private PendingArticle[] _inFlight = [];
    private Task _storing = Task.CompletedTask;
    private long _embeddingTicks;

    /// <summary>Time the model spent on the batches (wall time of the embedding calls).</summary>
    public TimeSpan EmbeddingTime => Stopwatch.GetElapsedTime(0, Interlocked.Read(ref _embeddingTicks));

    /// <summary>Whether the article is waiting, being embedded or being stored (so its stored hash may be about to change).</summary>
    public bool Holds(string articleId) =>
        _pending.Exists(p => p.Article.Id == articleId) || Array.Exists(_embedding, p => p.Article.Id == articleId) || Array.Exists(_inFlight, p => p.Article.Id == articleId);

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
        await StoreEmbeddedAsync();
        await _storing;
        _inFlight = [];
    }

    /// <summary>After a failure elsewhere: a batch the model finished is stored still, unless storing failed before it.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_vectors is { } embedding)
        {
            await ((Task)embedding).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            await _storing.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            if (embedding.IsCompletedSuccessfully && _storing.IsCompletedSuccessfully)
            {
                _storing = StoreAsync(_embedding, embedding.Result);
            }
        }

        await _storing.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    /// <summary>
    /// Starts the model on the waiting articles as soon as it has finished the batch before, then stores that batch
    /// while the model works (storing first would leave the model idle for as long as the store takes).
    /// </summary>
    private async Task EmbedPendingAsync()
    {
        if (_pending.Count == 0)
        {
            return;
        }

        var (finished, vectors) = (_embedding, _vectors is null ? null : await _vectors);
        _embedding = [.. _pending];
        _pending.Clear();
        _vectors = EmbedAsync(_embedding.SelectMany(p => p.Passages.Select(x => x.Text)).ToArray());
        if (vectors is not null)
        {
            await StoreBehindAsync(finished, vectors);
        }
    }

    private async Task<IReadOnlyList<PassageVectors>> EmbedAsync(string[] texts)
    {
        await Task.Yield(); // the caller goes on reading the next articles while the model runs
        var started = Stopwatch.GetTimestamp();
        try
        {
            return await embed(texts);
        }
        finally
        {
            Interlocked.Add(ref _embeddingTicks, Stopwatch.GetTimestamp() - started);
        }
    }

    /// <summary>Waits for the batch being embedded, then stores it (after the one being stored).</summary>
    private async Task StoreEmbeddedAsync()
    {
        if (_vectors is null)
        {
            return;
        }

        var (batch, vectors) = (_embedding, await _vectors);
        (_vectors, _embedding) = (null, []);
        await StoreBehindAsync(batch, vectors);
    }

    /// <summary>Stores a batch after the one being stored, keeping input order.</summary>
    private async Task StoreBehindAsync(PendingArticle[] batch, IReadOnlyList<PassageVectors> vectors)
    {
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
