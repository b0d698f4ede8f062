using System.Globalization;
using System.ServiceModel.Syndication;
using NewsBot.Core.Ingestion;

namespace NewsBot.Ingestion.Web;

/// <summary>What a feed item says about its article: title, link, outlet, author, date, categories and its own text.</summary>
public static class FeedItemFields
{
    private const string ContentModule = "http://purl.org/rss/1.0/modules/content/";
    private const string DublinCore = "http://purl.org/dc/elements/1.1/";

    /// <summary>The item's fields; <see cref="ArticleFields.Body"/> is the longer of its content and its summary, as text.</summary>
    public static ArticleFields From(SyndicationFeed feed, SyndicationItem item, Uri? feedUrl)
    {
        var link = Link(item, feedUrl);
        var fields = new ArticleFields
        {
            // Items with a link are identified by it, so a page ingested directly and from a feed is one article.
            Id = link is null && !string.IsNullOrWhiteSpace(item.Id) ? $"{feedUrl?.Host ?? feed.Title?.Text}#{item.Id.Trim()}" : null,
            Title = item.Title?.Text,
            Body = Longest(HtmlFragmentText.ToText(Content(item)), HtmlFragmentText.ToText(item.Summary?.Text)),
            Url = link?.AbsoluteUri,
            Source = OutletName(item.SourceFeed?.Title?.Text ?? feed.Title?.Text),
            Author = Author(item),
            Published = Date(item.PublishDate) ?? Date(item.LastUpdatedTime),
            Updated = Date(item.PublishDate) is null ? null : Date(item.LastUpdatedTime),
            Category = item.Categories.Select(c => c.Label ?? c.Name).FirstOrDefault(c => !string.IsNullOrWhiteSpace(c)),
        };
        fields.Tags.AddRange(item.Categories.Select(c => c.Label ?? c.Name).Where(c => !string.IsNullOrWhiteSpace(c)));
        return fields;
    }

    /// <summary>
    /// The outlet a feed's title names: "BBC News - World", "Harbour Herald | City" and "Reuters: Top News" are
    /// section feeds of "BBC News", "Harbour Herald" and "Reuters", and questions name the outlet, not the section.
    /// </summary>
    public static string? OutletName(string? feedTitle)
    {
        if (string.IsNullOrWhiteSpace(feedTitle))
        {
            return null;
        }

        var title = TextCleaner.Clean(feedTitle);
        var cut = SectionSeparators.Select(s => title.IndexOf(s, StringComparison.Ordinal)).Where(i => i > 0).DefaultIfEmpty(-1).Min();
        return cut > 0 ? title[..cut].Trim() : title;
    }

    private static readonly string[] SectionSeparators = [" - ", " – ", " — ", " | ", ": ", " > ", " » "];

    private static string? Content(SyndicationItem item)
    {
        var encoded = item.ElementExtensions.Where(e => e.OuterName == "encoded" && e.OuterNamespace == ContentModule)
            .Select(EncodedText).FirstOrDefault();
        return encoded ?? (item.Content as TextSyndicationContent)?.Text;
    }

    /// <summary>
    /// content:encoded should hold escaped HTML or CDATA; some feeds put the HTML in unescaped, as elements. That
    /// markup is the same HTML, so it is read as such instead of failing the item.
    /// </summary>
    private static string EncodedText(SyndicationElementExtension extension)
    {
        try
        {
            return extension.GetObject<string>();
        }
        catch (Exception ex) when (ex is System.Runtime.Serialization.SerializationException or System.Xml.XmlException)
        {
            using var reader = extension.GetReader();
            return reader.ReadInnerXml();
        }
    }

    private static Uri? Link(SyndicationItem item, Uri? feedUrl)
    {
        var link = item.Links.FirstOrDefault(l => string.IsNullOrEmpty(l.RelationshipType) || l.RelationshipType == "alternate");
        var uri = link?.GetAbsoluteUri() ?? link?.Uri;
        if (uri is not null && !uri.IsAbsoluteUri && feedUrl is not null)
        {
            uri = new Uri(feedUrl, uri);
        }

        if (uri is null && Uri.TryCreate(item.Id, UriKind.Absolute, out var idUri))
        {
            uri = idUri; // An RSS guid that is a permalink.
        }

        return uri is { IsAbsoluteUri: true } && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) ? uri : null;
    }

    private static string? Author(SyndicationItem item)
    {
        var creator = item.ElementExtensions.Where(e => e.OuterName == "creator" && e.OuterNamespace == DublinCore)
            .Select(EncodedText).FirstOrDefault(c => !string.IsNullOrWhiteSpace(c));
        if (creator is not null)
        {
            return creator;
        }

        var person = item.Authors.FirstOrDefault();
        if (!string.IsNullOrWhiteSpace(person?.Name))
        {
            return person.Name;
        }

        // RSS writes "editor@example.com (Name)": keep the name, never an address.
        var email = person?.Email;
        if (email is not null && email.IndexOf('(') is var open and >= 0 && email.LastIndexOf(')') is var close && close > open)
        {
            return email[(open + 1)..close];
        }

        return email is not null && !email.Contains('@') ? email : null;
    }

    private static string? Date(DateTimeOffset date) =>
        date == DateTimeOffset.MinValue || date == default ? null : date.ToString("O", CultureInfo.InvariantCulture);

    private static string? Longest(string a, string b) =>
        a.Length == 0 && b.Length == 0 ? null : (a.Length >= b.Length ? a : b);
}
