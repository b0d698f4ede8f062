using NewsBot.Answering.Citations;
using NewsBot.Answering.Comparison;
using NewsBot.Answering.Declining;
using NewsBot.Answering.Digest;
using NewsBot.Answering.Questions;
using NewsBot.Core.Answering;
using NewsBot.Core.Search;
using NewsBot.Core.Articles;
using NewsBot.Core.Storage;
using NewsBot.Core.Stories;

namespace NewsBot.Answering.Overview;

/// <summary>
/// What the news holds and what is newest: the summary behind a channel's welcome, help and sources, and the one
/// digest of the newest stories, for "what's new" and for questions about no subject ("What happened yesterday?",
/// "What's new from Northern Wire?").
/// </summary>
public sealed class NewsOverview(INewsStore store, AnswerDecliner decliner, NewsSearch search, ICopyIndex? copies = null) : INewsOverview
{
    private const int LatestCount = 5;

    // Enough of the newest articles that, once copies of one text are shown once, LatestCount remain.
    private const int LatestRead = LatestCount * 4;

    public async Task<NewsSummary> SummaryAsync(CancellationToken cancellationToken = default) =>
        new(await store.GetStatsAsync(cancellationToken),
            await store.GetSourcesAsync(cancellationToken),
            (await NewestAsync(SearchFilter.None, cancellationToken)).Select(a => a.Article).ToArray());

    public async Task<Answer> LatestAsync(CancellationToken cancellationToken = default)
    {
        var articles = await NewestAsync(SearchFilter.None, cancellationToken);
        if (articles.Count == 0)
        {
            return new Answer("I don't have any articles yet.", [], true, "What's new?");
        }

        var (draft, passages) = NewsDigest.Compose("The latest:", articles);
        return Cited("What's new?", draft, passages);
    }

    /// <summary>What NewsBot reads: the outlets, how many articles and the days they span.</summary>
    public async Task<Answer> CoverageAsync(string question, CancellationToken cancellationToken)
    {
        var stats = await store.GetStatsAsync(cancellationToken);
        if (stats.Articles == 0)
        {
            return new Answer("I don't have any articles yet.", [], true, question);
        }

        var outlets = (await store.GetSourcesAsync(cancellationToken)).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase).ToArray();
        var text = $"I read {outlets.Length} {(outlets.Length == 1 ? "outlet" : "outlets")}: {string.Join(", ", outlets)}. "
            + $"{stats.Articles} {(stats.Articles == 1 ? "article" : "articles")}, from {ReportLines.Date(stats.Oldest)} to {ReportLines.Date(stats.Newest)}.";
        return new Answer(text, [], false, question, AsOf: stats.Newest) { FollowUps = outlets.Take(3).Select(o => $"What's the latest from {o}?").ToArray() };
    }

    /// <summary>The newest stories of the question's period and outlets.</summary>
    public async Task<Answer> DigestAsync(QuestionIntent intent, CancellationToken cancellationToken)
    {
        var filter = new SearchFilter { Sources = intent.Outlets, From = intent.Time.From, To = intent.Time.To };
        var articles = await NewestAsync(filter, cancellationToken);
        var from = intent.Outlets.Count > 0 ? $" from {string.Join(" and ", intent.Outlets)}" : "";
        if (articles.Count == 0)
        {
            return await decliner.DeclineAsync(intent, $"I don't have any articles{from}{(intent.Time.Period is null ? "" : " from " + intent.Time.Period)}. ", cancellationToken);
        }

        var period = intent.Time.Period is null ? "" : $" ({intent.Time.Period})";
        var (draft, passages) = NewsDigest.Compose($"The latest{from}{period}:", articles);
        return Cited(intent.Question, draft, passages);
    }

    public async Task<IReadOnlyList<NewsCard>> CardsAsync(string? query, int count, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(query))
        {
            var latest = await store.GetLatestArticlesAsync(count, SearchFilter.None, cancellationToken);
            return latest.Select(a => new NewsCard(a.Id, a.Title, a.Source, a.PublishedAt, NewsDigest.Lead(a.Body), a.Url)).ToArray();
        }

        var hits = await search.SearchAsync(query, SearchFilter.None, count * 4, cancellationToken);
        var cards = new List<NewsCard>();
        foreach (var hit in hits.DistinctBy(h => h.ArticleId).Take(count))
        {
            var lead = await store.GetArticleAsync(hit.ArticleId, cancellationToken) is { } article ? NewsDigest.Lead(article.Body) : hit.Text;
            cards.Add(new NewsCard(hit.ArticleId, hit.Title, hit.Source, hit.PublishedAt, lead, hit.Url));
        }

        return cards;
    }

    /// <summary>The newest articles, a syndicated copy of one already listed left out (its outlet named with it).</summary>
    private async Task<IReadOnlyList<(Article Article, IReadOnlyList<string> AlsoReportedBy)>> NewestAsync(SearchFilter filter, CancellationToken cancellationToken) =>
        (await OneCopyEach.KeepAsync(await store.GetLatestArticlesAsync(LatestRead, filter, cancellationToken), a => a.Id, a => a.Source, copies, cancellationToken))
            .Take(LatestCount).ToArray();

    private static Answer Cited(string question, string draft, IReadOnlyList<Retrieval.NewsPassage> passages)
    {
        var (text, citations) = CitationBuilder.Build(draft, passages);
        return AnswerText.Cited(question, text, citations);
    }
}
