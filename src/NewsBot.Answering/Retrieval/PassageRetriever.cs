using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel.Data;
using NewsBot.Answering.Questions;

namespace NewsBot.Answering.Retrieval;

/// <summary>
/// The retrieval step, through Semantic Kernel's text search (<see cref="ITextSearch{TRecord}"/>, NewsBot's hybrid
/// search behind it): the passages for an understood question (its outlets as lanes, its period as a filter clause),
/// with the newest first among the good matches when the question asks for the latest.
/// </summary>
public sealed class PassageRetriever(ITextSearch<NewsPassage> search, IOptions<AnsweringOptions> options)
{
    /// <param name="withPeriod">False to look again without the question's period ("in 2021" may date the events, not the reporting).</param>
    public async Task<IReadOnlyList<NewsPassage>> RetrieveAsync(QuestionIntent intent, bool withPeriod, CancellationToken cancellationToken)
    {
        var count = options.Value.Passages;
        var filter = withPeriod ? NewsTextSearch.Filter(intent.Outlets, intent.Time.From, intent.Time.To) : NewsTextSearch.Filter(intent.Outlets, null, null);
        var passages = await FindAsync(intent.Question, filter, intent.Time.WantsLatest ? count * 3 : count, cancellationToken);
        if (!intent.Time.WantsLatest || passages.Count == 0)
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
    public Task<IReadOnlyList<NewsPassage>> RetrieveAsync(QuestionIntent intent, int top, CancellationToken cancellationToken) =>
        FindAsync(intent.Question, NewsTextSearch.Filter([], intent.Time.From, intent.Time.To), top, cancellationToken);

    /// <summary>The best passages of one outlet for one part of a question (a side of a comparison).</summary>
    public Task<IReadOnlyList<NewsPassage>> RetrieveAsync(string part, string outlet, int top, CancellationToken cancellationToken) =>
        FindAsync(part, NewsTextSearch.Filter([outlet], null, null), top, cancellationToken);

    private async Task<IReadOnlyList<NewsPassage>> FindAsync(string query, System.Linq.Expressions.Expression<Func<NewsPassage, bool>>? filter, int top, CancellationToken cancellationToken)
    {
        var results = await search.GetSearchResultsAsync(query, new TextSearchOptions<NewsPassage> { Top = top, Filter = filter }, cancellationToken);
        var passages = new List<NewsPassage>();
        await foreach (var passage in results.Results.WithCancellation(cancellationToken))
        {
            passages.Add(passage);
        }

        return passages;
    }
}
