using System.Diagnostics;
using NewsBot.Core.Articles;
using NewsBot.Core.Chunking;
using NewsBot.Core.Embeddings;
using NewsBot.Core.Storage;
using NewsBot.Core.Stories;
using NewsBot.Core.Telemetry;

namespace NewsBot.Core.Ingestion;

/// <summary>
/// Files in, articles stored: read every item, skip what the store already holds unchanged, chunk and embed the rest
/// (in batches across articles, <see cref="ArticleBatches"/>), and store each article atomically. Bad items are reported and skipped; a store that cannot be written stops the run.
/// </summary>
public sealed class IngestionPipeline(ArticleSources sources, PassageChunker chunker, NewsEmbedder embedder, INewsStore store, IStoryIndex? stories = null)
{
    /// <summary>Passages embedded in one call at least (whole articles are added until a batch has this many).</summary>
    public const int EmbedBatchPassages = 32;

    public async Task<IngestReport> IngestAsync(
        IEnumerable<string> paths,
        IProgress<IngestProgress>? progress = null,
        Action<IngestOutcome>? onOutcome = null,
        CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        var outcomes = new List<IngestOutcome>();
        void Report(IngestOutcome outcome)
        {
            outcomes.Add(outcome);
            onOutcome?.Invoke(outcome);
        }

        var (files, problems) = sources.Expand(paths);
        foreach (var problem in problems)
        {
            Report(Failed(problem.Location, problem.Error!));
        }

        var articles = new List<ReadItem>();
        foreach (var (path, reader) in files)
        {
            await foreach (var item in ReadSafelyAsync(reader, path, cancellationToken))
            {
                if (item.Article is null)
                {
                    Report(Failed(item.Location, item.Error!));
                }
                else
                {
                    articles.Add(item);
                }
            }
        }

        return await IngestArticlesAsync(articles, outcomes, Report, clock, progress, cancellationToken);
    }

    /// <summary>Stores articles that are already in memory (e.g. from a feed), with the same rules as files.</summary>
    public Task<IngestReport> IngestAsync(IEnumerable<ReadItem> items, IProgress<IngestProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var outcomes = new List<IngestOutcome>();
        var articles = new List<ReadItem>();
        foreach (var item in items)
        {
            if (item.Article is null)
            {
                outcomes.Add(Failed(item.Location, item.Error!));
            }
            else
            {
                articles.Add(item);
            }
        }

        return IngestArticlesAsync(articles, outcomes, outcomes.Add, Stopwatch.StartNew(), progress, cancellationToken);
    }

    private async Task<IngestReport> IngestArticlesAsync(
        List<ReadItem> articles, List<IngestOutcome> outcomes, Action<IngestOutcome> report,
        Stopwatch clock, IProgress<IngestProgress>? progress, CancellationToken cancellationToken)
    {
        using var span = NewsBotTelemetry.Step("ingest");
        span?.SetTag("newsbot.articles", articles.Count);
        var embedded = 0;
        await using var batches = new ArticleBatches(
            texts => embedder.EmbedForIndexAsync(texts, cancellationToken),
            async (item, vectors) =>
            {
                report(await StoreAsync(item, vectors, cancellationToken));
                embedded += item.Passages.Count;
                progress?.Report(new IngestProgress(item.Position, articles.Count, embedded, clock.Elapsed));
            },
            EmbedBatchPassages);
        for (var i = 0; i < articles.Count; i++)
        {
            var (location, article) = (articles[i].Location, articles[i].Article!);
            if (batches.Holds(article.Id))
            {
                await batches.DrainAsync(); // the same id twice in one run: the second sees the first as stored
            }

            var storedHash = await store.GetContentHashAsync(article.Id, cancellationToken);
            var hash = article.ContentHash;

            // An unchanged article stored before sentence vectors were kept is stored again with them, once, so
            // answers about it stop embedding its sentences per question.
            if (storedHash != hash || await store.LacksSentenceVectorsAsync(article.Id, cancellationToken))
            {
                await batches.AddAsync(new PendingArticle(i + 1, location, article, chunker.Chunk(article), storedHash));
                continue;
            }

            await batches.DrainAsync(); // outcomes are reported in input order
            report(new IngestOutcome(IngestStatus.Unchanged, location, article.Id, article.Title, 0, null));

            // A store filled before stories were kept catches up, once.
            if (stories is not null && !await stories.HoldsAsync(article.Id, hash, cancellationToken))
            {
                var vectors = await embedder.EmbedPassagesAsync(chunker.Chunk(article).Select(p => p.Text).ToArray(), cancellationToken);
                await stories.AddAsync(new StoryEntry(article, StoryEntry.ArticleVector(vectors), IngestStatus.Unchanged), cancellationToken);
            }

            progress?.Report(new IngestProgress(i + 1, articles.Count, embedded, clock.Elapsed));
        }

        await batches.DrainAsync();
        NewsBotTelemetry.IngestedPassages.Add(embedded);
        if (embedded > 0 && clock.Elapsed > TimeSpan.Zero)
        {
            NewsBotTelemetry.IngestRate.Record(embedded / clock.Elapsed.TotalSeconds);
        }

        return new IngestReport(outcomes, embedded, clock.Elapsed, batches.EmbeddingTime);
    }

    /// <summary>Stores one embedded article atomically and records it in its story.</summary>
    private async Task<IngestOutcome> StoreAsync(PendingArticle item, PassageVectors[] embedded, CancellationToken cancellationToken)
    {
        var (article, passages) = (item.Article, item.Passages);
        var indexed = passages.Zip(embedded, (p, v) => new IndexedPassage(p, v.Vector) { Sentences = v.Sentences }).ToArray();
        var vectors = embedded.Select(v => v.Vector).ToArray();
        var previous = item.StoredHash is null ? null : await store.GetArticleAsync(article.Id, cancellationToken);
        await store.UpsertArticleAsync(article, indexed, embedder.ModelFor(vectors[0]), cancellationToken);
        var status = item.StoredHash is null ? IngestStatus.New
            : item.StoredHash == article.ContentHash ? IngestStatus.Unchanged // stored again only for its sentence vectors
            : IngestStatus.Updated;
        if (stories is not null)
        {
            await stories.AddAsync(new StoryEntry(article, StoryEntry.ArticleVector(vectors), status, previous), cancellationToken);
        }

        return new IngestOutcome(status, item.Location, article.Id, article.Title, passages.Count, null)
        {
            TextChanged = previous is null || previous.Title != article.Title || previous.Body != article.Body,
        };
    }

    /// <summary>Reads a file's items; a file that cannot be read becomes one failed item instead of stopping the run.</summary>
    private static async IAsyncEnumerable<ReadItem> ReadSafelyAsync(IArticleReader reader, string path, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var items = new List<ReadItem>();
        try
        {
            await foreach (var item in reader.ReadAsync(path, cancellationToken))
            {
                items.Add(item);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Text.DecoderFallbackException)
        {
            items.Add(ReadItem.Failed(path, "cannot read the file: " + ex.Message));
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            // A reader's own fault fails this input only: what it read before is kept, the other inputs go on.
            items.Add(ReadItem.Failed(path, $"could not be read past item {items.Count}: {ex.Message}"));
        }

        foreach (var item in items)
        {
            yield return item;
        }
    }

    private static IngestOutcome Failed(string location, string error) => new(IngestStatus.Failed, location, null, null, 0, error);
}
