using System.Runtime.CompilerServices;
using Microsoft.Extensions.Options;
using NewsBot.Core.Ingestion;
using NewsBot.Ingestion.Files;

namespace NewsBot.Ingestion.Web;

/// <summary>An http(s) address: a feed (RSS 2.0 or Atom) is read item by item, a page is read as one article.</summary>
public sealed class WebArticleReader(WebDownloader downloader, FeedItemReader items, IOptions<FeedOptions> feeds) : IWebArticleReader
{
    private static readonly string[] FeedTypes = ["application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/xml", "text/xml"];
    private static readonly string[] HtmlTypes = ["text/html", "application/xhtml+xml"];

    public IReadOnlyCollection<string> Extensions { get; } = [];

    public static bool IsHtml(Download download) =>
        download.MediaType is null ? !FeedDocument.LooksLikeFeed(download.Content) : HtmlTypes.Contains(download.MediaType);

    public async IAsyncEnumerable<ReadItem> ReadAsync(string path, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var (download, problem) = await TryDownloadAsync(new Uri(path), cancellationToken);
        if (download is null)
        {
            yield return ReadItem.Failed(path, problem!);
            yield break;
        }

        if (IsFeed(download))
        {
            var (feed, feedProblem, badItems) = FeedDocument.TryParseTolerant(download.Content);
            if (feed is null)
            {
                yield return ReadItem.Failed(path, feedProblem!);
                yield break;
            }

            foreach (var (number, reason) in badItems)
            {
                yield return ReadItem.Failed($"{path} item {number}", reason);
            }

            await foreach (var item in items.ReadAsync(feed, download.Url, path, feeds.Value.OutletFor(path), cancellationToken, requestedUrl: new Uri(path)))
            {
                yield return item;
            }
        }
        else if (IsHtml(download))
        {
            yield return HtmlArticleReader.Parse(download.Text(), download.Url.AbsoluteUri, path);
        }
        else
        {
            yield return ReadItem.Failed(path, $"NewsBot reads web pages (HTML) and RSS or Atom feeds, not {download.MediaType}");
        }
    }

    /// <summary>Declared as XML, or shaped like a feed whatever the server calls it (feeds are often served as text/html).</summary>
    private static bool IsFeed(Download download) =>
        download.MediaType is { } type && (FeedTypes.Contains(type) || (type.EndsWith("+xml", StringComparison.Ordinal) && !HtmlTypes.Contains(type)))
        || FeedDocument.LooksLikeFeed(download.Content);

    private async Task<(Download? Download, string? Problem)> TryDownloadAsync(Uri url, CancellationToken cancellationToken)
    {
        try
        {
            return (await downloader.GetAsync(url, cancellationToken, remember: true), null);
        }
        catch (WebReadException ex)
        {
            return (null, ex.Message);
        }
    }
}
