using Microsoft.Extensions.Options;
using System.Linq.Expressions;
using Microsoft.SemanticKernel.Data;
using NewsBot.Core.Search;

namespace NewsBot.Answering.Retrieval;

/// <summary>
/// NewsBot's hybrid search (keywords + vectors, outlet lanes, filters) as a Semantic Kernel text search: the answer
/// path retrieves through it (<see cref="PassageRetriever"/>), and a chat model calls it as the <c>news</c> plugin.
/// Outlets in the filter are searched one lane each; the period narrows every lane. The query's vector is
/// remembered, so a question understood once is not embedded again here. Passages come in the fused order unless
/// <see cref="AnsweringOptions.RankedPassages"/> asks for the learned one.
/// </summary>
public sealed class NewsTextSearch(NewsSearch search, Embeddings.RememberedEmbeddings embeddings, IOptions<AnsweringOptions> answering) : ITextSearch<NewsPassage>
{
    public async Task<KernelSearchResults<NewsPassage>> GetSearchResultsAsync(string query, TextSearchOptions<NewsPassage>? searchOptions = null, CancellationToken cancellationToken = default)
    {
        var passages = await FindAsync(query, searchOptions, cancellationToken);
        return new KernelSearchResults<NewsPassage>(passages.ToAsyncEnumerable(), passages.Count);
    }

    public async Task<KernelSearchResults<TextSearchResult>> GetTextSearchResultsAsync(string query, TextSearchOptions<NewsPassage>? searchOptions = null, CancellationToken cancellationToken = default)
    {
        var passages = await FindAsync(query, searchOptions, cancellationToken);
        return new KernelSearchResults<TextSearchResult>(passages.Select(ToTextSearchResult).ToAsyncEnumerable(), passages.Count);
    }

    public async Task<KernelSearchResults<string>> SearchAsync(string query, TextSearchOptions<NewsPassage>? searchOptions = null, CancellationToken cancellationToken = default)
    {
        var passages = await FindAsync(query, searchOptions, cancellationToken);
        return new KernelSearchResults<string>(passages.Select(p => p.Text).ToAsyncEnumerable(), passages.Count);
    }

    /// <summary>The passages themselves, for callers inside NewsBot that need every field.</summary>
    public async Task<IReadOnlyList<NewsPassage>> FindAsync(string query, TextSearchOptions<NewsPassage>? options, CancellationToken cancellationToken)
    {
        options ??= new TextSearchOptions<NewsPassage>();
        var top = Math.Max(1, options.Top) + Math.Max(0, options.Skip);
        // The outlets a filter names are searched as lanes, one per outlet, interleaved, so each has its share.
        var filter = FilterTranslator.Translate(options.Filter);
        var vector = await embeddings.EmbedQueryAsync(query, cancellationToken);
        var hits = await search.SearchAsync(query, vector, filter.Sources, filter with { Sources = [] }, top, answering.Value.RankedPassages, cancellationToken);
        return hits.Skip(options.Skip).Select(NewsPassage.From).ToArray();
    }

    public static TextSearchResult ToTextSearchResult(NewsPassage passage) =>
        new(passage.Text) { Name = passage.Title, Link = passage.Url };

    /// <summary>A filter for passages from any of these outlets, published in [from, to).</summary>
    public static Expression<Func<NewsPassage, bool>>? Filter(IReadOnlyList<string> sources, DateTimeOffset? from, DateTimeOffset? to)
    {
        var parameter = Expression.Parameter(typeof(NewsPassage), "p");
        Expression? body = null;
        if (sources.Count > 0)
        {
            body = sources
                .Select(s => (Expression)Expression.Equal(Expression.Property(parameter, nameof(NewsPassage.Source)), Expression.Constant(s)))
                .Aggregate(Expression.OrElse);
        }

        var published = Expression.Property(parameter, nameof(NewsPassage.PublishedAt));
        if (from is { } f)
        {
            body = And(body, Expression.GreaterThanOrEqual(published, Expression.Constant((DateTimeOffset?)f, typeof(DateTimeOffset?))));
        }

        if (to is { } t)
        {
            body = And(body, Expression.LessThan(published, Expression.Constant((DateTimeOffset?)t, typeof(DateTimeOffset?))));
        }

        return body is null ? null : Expression.Lambda<Func<NewsPassage, bool>>(body, parameter);
    }

    private static Expression And(Expression? left, Expression right) => left is null ? right : Expression.AndAlso(left, right);
}
