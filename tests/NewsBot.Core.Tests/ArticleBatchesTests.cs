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

    private static PendingArticle Pending(int position, string id)
    {
        var article = TestArticles.Make(id, $"Report {id}", $"A short report about {id}.");
        return new PendingArticle(position, "test.jsonl", article, [new Passage($"{id}#0", id, 0, article.Body)], null);
    }
}
