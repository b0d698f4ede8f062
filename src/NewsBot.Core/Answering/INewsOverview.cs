using NewsBot.Core.Articles;
using NewsBot.Core.Storage;

namespace NewsBot.Core.Answering;

/// <summary>What the news holds, for a channel's welcome, help, "what's new" and "sources": channels ask this, never the store.</summary>
public interface INewsOverview
{
    /// <summary>Counts, dates, the outlets read and the newest headlines.</summary>
    Task<NewsSummary> SummaryAsync(CancellationToken cancellationToken = default);

    /// <summary>The newest stories as a cited digest: each headline with its lead.</summary>
    Task<Answer> LatestAsync(CancellationToken cancellationToken = default);

    /// <summary>Article cards for a search from a compose box: the best matching articles (copies of one text once), or the newest when the query is empty.</summary>
    Task<IReadOnlyList<NewsCard>> CardsAsync(string? query, int count, CancellationToken cancellationToken = default);
}

/// <summary>An article as a card to insert into a chat: headline, outlet, date, lead and link.</summary>
public sealed record NewsCard(string ArticleId, string Title, string? Source, DateTimeOffset? PublishedAt, string Lead, string? Url);

/// <param name="Outlets">Every outlet the store holds articles from.</param>
/// <param name="Latest">The newest articles, newest first.</param>
public sealed record NewsSummary(StoreStats Stats, IReadOnlyList<string> Outlets, IReadOnlyList<Article> Latest);
