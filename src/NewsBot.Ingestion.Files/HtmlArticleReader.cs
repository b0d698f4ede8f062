using System.Runtime.CompilerServices;

using NewsBot.Core.Ingestion;

namespace NewsBot.Ingestion.Files;

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
        // One parse: the page's own address is read first, as SmartReader then reshapes the document.
        using var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);
        var address = PageAddress.Of(document, pageUrl);
        var page = new SmartReader.Reader(pageUrl, document).GetArticle();
        var fields = new ArticleFields
        {
            Title = page.Title,
            Body = HasArticleText(page) ? page.TextContent : null,
            Author = page.Author ?? page.Byline,
            Source = page.SiteName,
            Published = page.PublicationDate?.ToString("O"),
            Url = address ?? (ArticleSources.IsWebAddress(pageUrl) ? pageUrl : null),
        };
        var item = fields.ToReadItem(location);
        return item.Article is null && !HasArticleText(page)
            ? ReadItem.Failed(location, "no article text found on the page")
            : item;
    }

    /// <summary>
    /// SmartReader's own verdict, or enough words in what it extracted: its verdict wants about 500 characters, and a
    /// news brief of three short paragraphs is still an article.
    /// </summary>
    private static bool HasArticleText(SmartReader.Article page) =>
        page.IsReadable || TextCleaner.WordCount(page.TextContent) >= MinBriefWords;

    private const int MinBriefWords = 40;
}
