using System.Globalization;
using System.Runtime.CompilerServices;
using System.ServiceModel.Syndication;
using Microsoft.Extensions.Options;
using NewsBot.Core.Articles;
using NewsBot.Core.Ingestion;
using NewsBot.Ingestion.Files;
using NewsBot.Core.Storage;

namespace NewsBot.Ingestion.Web;

/// <summary>
/// Turns feed items into articles. An item whose own text is a teaser (under <c>Web:MinFeedWords</c>) is completed
/// from the page it links to; a page already read into the store is not downloaded again, while a stored teaser
/// (its page could not be read last time) is retried.
/// </summary>
public sealed class FeedItemReader(WebDownloader downloader, RobotsPolicy robots, INewsStore store, IOptions<WebIngestionOptions> options)
{
    /// <param name="outlet">The outlet configured for this feed (<c>Feeds:Sources</c>); otherwise the feed's title names it.</param>
    /// <param name="feedUrl">Where the feed was finally read from (after redirects), for its relative links.</param>
    /// <param name="requestedUrl">The address that was asked for, before any redirect.</param>
    public async IAsyncEnumerable<ReadItem> ReadAsync(
        SyndicationFeed feed, Uri? feedUrl, string location, string? outlet, [EnumeratorCancellation] CancellationToken cancellationToken, Uri? requestedUrl = null)
    {
        // A feed from the internet is someone else's text: its links may not lead into private networks. A saved
        // feed file, or a feed on the intranet, was put there by whoever runs NewsBot. A feed counts as the
        // intranet's only when both the address asked for and the one it was read from are private: an internet
        // address that redirects into the intranet does not make its links trusted.
        var linksPublicOnly = feedUrl is not null
            && !(await NetworkGuard.IsPrivateHostAsync(requestedUrl ?? feedUrl, cancellationToken) && await NetworkGuard.IsPrivateHostAsync(feedUrl, cancellationToken));
        // The pages items link to are read a few at a time, under one deadline for the whole feed, in feed order.
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(TimeSpan.FromSeconds(options.Value.FeedDeadlineSeconds));
        using var gate = new SemaphoreSlim(options.Value.PageReadsAtOnce);
        var reads = feed.Items.Select((item, i) => ReadGatedAsync(gate, feed, item, feedUrl, outlet, linksPublicOnly, $"{location} item {i + 1}", deadline.Token, cancellationToken)).ToList();
        foreach (var read in reads)
        {
            yield return await read;
        }

        if (reads.Count == 0)
        {
            yield return ReadItem.Failed(location, "the feed lists no items");
        }
    }

    private async Task<ReadItem> ReadGatedAsync(
        SemaphoreSlim gate, SyndicationFeed feed, SyndicationItem item, Uri? feedUrl, string? outlet, bool linksPublicOnly, string location, CancellationToken deadline, CancellationToken cancellationToken)
    {
        var entered = false;
        try
        {
            await gate.WaitAsync(deadline);
            entered = true;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The feed's time ran out before this item's turn: it is read without its page.
        }

        try
        {
            return await ReadItemSafelyAsync(feed, item, feedUrl, outlet, linksPublicOnly, location, deadline, cancellationToken);
        }
        finally
        {
            if (entered)
            {
                gate.Release();
            }
        }
    }

    /// <summary>One item that cannot be read fails alone; the feed's other items are read.</summary>
    private async Task<ReadItem> ReadItemSafelyAsync(
        SyndicationFeed feed, SyndicationItem item, Uri? feedUrl, string? outlet, bool linksPublicOnly, string location, CancellationToken deadline, CancellationToken cancellationToken)
    {
        try
        {
            return await ReadItemAsync(feed, item, feedUrl, outlet, linksPublicOnly, location, deadline);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return ReadItem.Failed(location, "the item could not be read: " + ex.Message.Split('\n')[0]);
        }
    }

    private async Task<ReadItem> ReadItemAsync(
        SyndicationFeed feed, SyndicationItem item, Uri? feedUrl, string? outlet, bool linksPublicOnly, string location, CancellationToken cancellationToken)
    {
        var fields = FeedItemFields.From(feed, item, feedUrl);
        fields.Source = outlet ?? fields.Source;
        var ownText = TextCleaner.CleanBody(fields.Body);
        var settings = options.Value;
        if (!settings.FetchPages || fields.Url is null || TextCleaner.WordCount(ownText) >= settings.MinFeedWords)
        {
            return fields.ToReadItem(location);
        }

        var link = new Uri(fields.Url);
        var stored = await store.GetArticleAsync(ArticleIdentity.IdFor(null, fields.Url, "", null, null), cancellationToken);
        if (stored is not null && stored.Body.Length > ownText.Length)
        {
            return WithPage(fields, stored, outlet ?? SiteInTitle(feed, stored)).ToReadItem(location);
        }

        string problem;
        try
        {
            if (!await robots.AllowsAsync(link, linksPublicOnly, cancellationToken))
            {
                return Teaser(fields, ownText, location, $"the robots.txt of {link.Host} does not let NewsBot read {link}");
            }

            var download = await downloader.GetAsync(link, cancellationToken, publicOnly: linksPublicOnly);
            if (WebArticleReader.IsHtml(download))
            {
                var page = HtmlArticleReader.Parse(download.Text(), download.Url.AbsoluteUri, location);
                if (page.Article is not null)
                {
                    return WithPage(fields, page.Article, outlet ?? SiteInTitle(feed, page.Article)).ToReadItem(location);
                }

                problem = $"the page {link} has no readable article text";
            }
            else
            {
                problem = $"the page {link} is not HTML ({download.MediaType ?? "no content type"})";
            }
        }
        catch (WebReadException ex)
        {
            problem = $"could not read the page {link}: {ex.Message}";
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            problem = $"the feed's {options.Value.FeedDeadlineSeconds} seconds for reading its pages (Web:FeedDeadlineSeconds) ran out before {link} was read";
        }

        return Teaser(fields, ownText, location, problem);
    }

    /// <summary>
    /// The page's site name when the feed's title contains it: "World news | The Guardian" with a page of site "The
    /// Guardian" files under The Guardian, where the title alone would give "World news".
    /// </summary>
    private static string? SiteInTitle(SyndicationFeed feed, Article page) =>
        page.Source is { Length: > 0 } site && (feed.Title?.Text ?? "").Contains(site, StringComparison.OrdinalIgnoreCase) ? site : null;

    /// <summary>The teaser is better than nothing; it is replaced by the page on a later run, once the page can be read.</summary>
    private static ReadItem Teaser(ArticleFields fields, string ownText, string location, string problem) =>
        ownText.Length > 0 ? fields.ToReadItem(location) : ReadItem.Failed(location, problem + ", and the feed item has no text of its own");

    /// <summary>The page's text under the feed's metadata; what the feed leaves out comes from the page.</summary>
    /// <param name="outlet">The outlet when it is known better than from the feed's title (configured, or the page's site name).</param>
    private static ArticleFields WithPage(ArticleFields feed, Article page, string? outlet)
    {
        var merged = new ArticleFields
        {
            Id = feed.Id,
            Title = string.IsNullOrWhiteSpace(feed.Title) ? page.Title : feed.Title,
            Body = page.Body,
            Url = feed.Url,
            Source = outlet ?? feed.Source ?? page.Source,
            Author = feed.Author ?? page.Author,
            Published = feed.Published ?? page.PublishedAt?.ToString("O", CultureInfo.InvariantCulture),
            Updated = feed.Updated ?? page.UpdatedAt?.ToString("O", CultureInfo.InvariantCulture),
            Category = feed.Category ?? page.Category,
        };
        merged.Tags.AddRange(feed.Tags.Count > 0 ? feed.Tags : page.Tags);
        return merged;
    }
}
