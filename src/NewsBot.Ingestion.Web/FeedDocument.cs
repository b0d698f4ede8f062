using System.ServiceModel.Syndication;
using System.Xml;
using NewsBot.Core.Ingestion;

namespace NewsBot.Ingestion.Web;

/// <summary>
/// Recognises and parses RSS 2.0 and Atom 1.0 with System.ServiceModel.Syndication. Dates are read leniently: a
/// date the feed writes in an unusual form becomes "unknown" instead of failing the whole feed.
/// </summary>
public static class FeedDocument
{
    private const string AtomNamespace = "http://www.w3.org/2005/Atom";

    /// <summary>Whether the content's root element is that of a feed (rss, Atom feed, or RSS 1.0's rdf:RDF).</summary>
    public static bool LooksLikeFeed(byte[] content)
    {
        try
        {
            using var reader = Create(content);
            reader.MoveToContent();
            return reader.LocalName is "rss" or "RDF" || (reader.LocalName == "feed" && reader.NamespaceURI == AtomNamespace);
        }
        catch (XmlException)
        {
            return false;
        }
    }

    /// <summary>The parsed feed, or null and the reason (for the user) why it is not one NewsBot reads.</summary>
    public static (SyndicationFeed? Feed, string? Problem) TryParse(byte[] content)
    {
        try
        {
            return (Parse(content), null);
        }
        catch (FormatException ex)
        {
            return (null, ex.Message);
        }
    }

    private static SyndicationFeed Parse(byte[] content)
    {
        try
        {
            using var reader = Create(content);
            reader.MoveToContent();
            SyndicationFeedFormatter formatter = reader.LocalName switch
            {
                "rss" => new Rss20FeedFormatter { DateTimeParser = LenientDate },
                "feed" when reader.NamespaceURI == AtomNamespace => new Atom10FeedFormatter { DateTimeParser = LenientDate },
                "RDF" => throw new FormatException("RSS 1.0 (RDF) feeds are not supported: use the site's RSS 2.0 or Atom feed"),
                _ => throw new FormatException($"not an RSS or Atom feed (the document starts with <{reader.Name}>)"),
            };
            formatter.ReadFrom(reader);
            return formatter.Feed;
        }
        catch (XmlException ex)
        {
            throw new FormatException("the feed is not well-formed XML: " + ex.Message, ex);
        }
    }

    private static XmlReader Create(byte[] content) =>
        XmlReader.Create(new MemoryStream(content), new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = null, IgnoreComments = true });

    private static bool LenientDate(XmlDateTimeData data, out DateTimeOffset date)
    {
        if (!ArticleFields.TryParseDate(data.DateTimeString, out date))
        {
            date = DateTimeOffset.MinValue;
        }

        return true;
    }
}
