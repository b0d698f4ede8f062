using System.Runtime.CompilerServices;

namespace NewsBot.Core.Ingestion;

/// <summary><c>.html</c>: the main content of a web page, found by SmartReader (a port of Mozilla's Readability).</summary>
public sealed class HtmlArticleReader : IArticleReader
{
    public IReadOnlyCollection<string> Extensions { get; } = [".html", ".htm"];

    public async IAsyncEnumerable<ReadItem> ReadAsync(string path, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var html = await File.ReadAllTextAsync(path, cancellationToken);
        yield return Parse(html, new Uri(Path.GetFullPath(path)).AbsoluteUri, path);
    }

    public static ReadItem Parse(string html, string pageUrl, string location)
    {
        var page = new SmartReader.Reader(pageUrl, html).GetArticle();
        var fields = new ArticleFields
        {
            Title = page.Title,
            Body = page.IsReadable ? page.TextContent : null,
            Author = page.Author ?? page.Byline,
            Source = page.SiteName,
            Published = page.PublicationDate?.ToString("O"),
            Url = CanonicalUrl(page, pageUrl),
        };
        var item = fields.ToReadItem(location);
        return item.Article is null && !page.IsReadable
            ? ReadItem.Failed(location, "no article text found on the page")
            : item;
    }

    /// <summary>The page's own address for itself when it gives one, else where it was read from when that is on the web.</summary>
    private static string? CanonicalUrl(SmartReader.Article page, string pageUrl)
    {
        var url = page.Uri?.AbsoluteUri;
        if (url is not null && url != pageUrl && !url.StartsWith("file:", StringComparison.Ordinal))
        {
            return url;
        }

        return ArticleSources.IsWebAddress(pageUrl) ? pageUrl : null;
    }
}
