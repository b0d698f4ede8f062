using Microsoft.Extensions.Options;
using NewsBot.Answering.Embeddings;
using NewsBot.Answering.Questions;
using NewsBot.Core.Search;
using NewsBot.Core.Storage;

namespace NewsBot.Answering.Retrieval;

/// <summary>
/// The retrieval step: the hybrid news search for an understood question (its embedding, its outlets, its period),
/// with the newest first among the good matches when the question asks for the latest.
/// </summary>
public sealed class PassageRetriever(NewsSearch search, RememberedEmbeddings embeddings, IOptions<AnsweringOptions> options)
{
    /// <param name="withPeriod">False to look again without the question's period ("in 2021" may date the events, not the reporting).</param>
    public async Task<IReadOnlyList<NewsPassage>> RetrieveAsync(QuestionIntent intent, bool withPeriod, CancellationToken cancellationToken)
    {
        var count = options.Value.Passages;
        var filter = withPeriod ? new SearchFilter { From = intent.Time.From, To = intent.Time.To } : SearchFilter.None;
        var hits = await search.SearchAsync(intent.Question, intent.Vector, intent.Outlets, filter, intent.Time.WantsLatest ? count * 3 : count, cancellationToken);
        var passages = hits.Select(NewsPassage.From).ToArray();
        if (!intent.Time.WantsLatest || passages.Length == 0)
        {
            return passages;
        }

        // "Latest": among the passages that match well, the newest come first.
        var bar = passages[0].Score * 0.5;
        return passages.Where(p => p.Score >= bar).OrderByDescending(p => p.PublishedAt ?? DateTimeOffset.MinValue)
            .Concat(passages.Where(p => p.Score < bar))
            .Take(count)
            .ToArray();
    }

    /// <summary>More passages than an answer shows, for laying out how each outlet reported the question's subject.</summary>
    public async Task<IReadOnlyList<NewsPassage>> RetrieveAsync(QuestionIntent intent, int top, CancellationToken cancellationToken)
    {
        var filter = new SearchFilter { From = intent.Time.From, To = intent.Time.To };
        return (await search.SearchAsync(intent.Question, intent.Vector, [], filter, top, cancellationToken)).Select(NewsPassage.From).ToArray();
    }

    /// <summary>The best passages of one outlet for one part of a question (a side of a comparison).</summary>
    public async Task<IReadOnlyList<NewsPassage>> RetrieveAsync(string part, string outlet, int top, CancellationToken cancellationToken)
    {
        var vector = await embeddings.EmbedQueryAsync(part, cancellationToken);
        var hits = await search.SearchAsync(part, vector, [], new SearchFilter { Sources = [outlet] }, top, cancellationToken);
        return hits.Select(NewsPassage.From).ToArray();
    }
}
