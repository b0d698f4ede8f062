using NewsBot.Core.Chunking;
using NewsBot.Core.Embeddings;
using NewsBot.Core.Ingestion;
using NewsBot.Testing;
using Xunit;

namespace NewsBot.Core.Tests;

/// <summary>Ingest keeps the model busy: the next articles are read while it embeds a batch, and all are stored in input order.</summary>
public sealed class ArticleBatchesTests
{
    [Fact]
    public async Task The_next_articles_are_taken_while_the_model_embeds_a_batch_and_every_article_is_stored_in_order()
    {
        var model = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var stored = new List<string>();
        await using var batches = new ArticleBatches(
            async texts =>
            {
                await model.Task;
                return texts.Select(_ => new PassageVectors(new float[] { 1, 0 }, SentenceVectors.Quantise([new float[] { 1, 0 }]))).ToArray();
            },
            (article, vectors) =>
            {
                stored.Add($"{article.Article.Id}:{vectors.Length}");
                return Task.CompletedTask;
            },
            batchPassages: 1);

        var first = batches.AddAsync(Pending(1, "port-strike"));
        Assert.True(first.IsCompleted, "the first batch held up the next article while the model worked");
        var second = batches.AddAsync(Pending(2, "museum-opening"));
        Assert.True(batches.Holds("port-strike"));
        Assert.Empty(stored);

        model.SetResult();
        await first;
        await second;
        await batches.DrainAsync();
        Assert.Equal(["port-strike:1", "museum-opening:1"], stored);
    }

    [Fact]
    public async Task The_model_starts_on_the_next_batch_before_the_batch_it_finished_is_stored()
    {
        // The embedded store writes synchronously (SQLite), so storing holds the thread it runs on.
        using var storeHeld = new ManualResetEventSlim();
        var embedded = new List<string>();
        var stored = new List<string>();
        await using var batches = new ArticleBatches(
            texts =>
            {
                lock (embedded)
                {
                    embedded.AddRange(texts);
                }

                return Task.FromResult<IReadOnlyList<PassageVectors>>(texts.Select(_ => new PassageVectors(new float[] { 1, 0 }, SentenceVectors.Quantise([new float[] { 1, 0 }]))).ToArray());
            },
            (article, _) =>
            {
                storeHeld.Wait(TimeSpan.FromSeconds(30));
                stored.Add(article.Article.Id);
                return Task.CompletedTask;
            },
            batchPassages: 1);

        var adding = Task.Run(async () =>
        {
            await batches.AddAsync(Pending(1, "harbour-fire"));
            await batches.AddAsync(Pending(2, "budget-vote"));
        });
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!embedded.Exists(t => t.Contains("budget-vote", StringComparison.Ordinal)) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(10);
        }

        var modelHadNextBatch = embedded.Exists(t => t.Contains("budget-vote", StringComparison.Ordinal));
        var firstStored = stored.Count;
        storeHeld.Set();
        await adding;
        await batches.DrainAsync();
        Assert.True(modelHadNextBatch, "the model waited for the batch before it to be stored");
        Assert.Equal(0, firstStored);
        Assert.Equal(["harbour-fire", "budget-vote"], stored);
    }

    private static PendingArticle Pending(int position, string id)
    {
        var article = TestArticles.Make(id, $"Report {id}", $"A short report about {id}.");
        return new PendingArticle(position, "test.jsonl", article, [new Passage($"{id}#0", id, 0, article.Body)], null);
    }
}
