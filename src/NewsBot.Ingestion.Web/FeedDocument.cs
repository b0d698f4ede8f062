using System.ServiceModel.Syndication;
using System.Text;
using System.Xml;
using NewsBot.Core.Ingestion;

namespace NewsBot.Ingestion.Web;

/// <summary>
/// Recognises and parses RSS 2.0 and Atom 1.0 with System.ServiceModel.Syndication. Dates are read leniently: a
/// date the feed writes in an unusual form becomes "unknown" instead of failing the whole feed. A feed that does not
/// parse whole (a bare "&amp;" in one title, an enclosure whose length is not a number) is read item by item
/// (<see cref="FeedItemSplitter"/>): every item that can be read is kept, and each one that cannot is reported alone.
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
        var (feed, problem, _) = TryParseTolerant(content);
        return (feed, problem);
    }

    /// <summary>
    /// The feed with every item that could be read, or null and the reason; and, for a feed read item by item, why
    /// each unreadable item was left out (by its position in the feed, 1-based).
    /// </summary>
    public static (SyndicationFeed? Feed, string? Problem, IReadOnlyDictionary<int, string> BadItems) TryParseTolerant(byte[] content)
    {
        FormatException whole;
        try
        {
            return (Parse(content), null, new Dictionary<int, string>());
        }
        catch (FormatException ex)
        {
            whole = ex;
        }

        if (whole.InnerException is null || FeedItemSplitter.Split(content) is not { } split)
        {
            return (null, whole.Message, new Dictionary<int, string>());
        }

        SyndicationFeed feed;
        try
        {
            feed = Parse(Encoding.UTF8.GetBytes(split.Head + split.Tail));
        }
        catch (FormatException)
        {
            return (null, whole.Message, new Dictionary<int, string>());
        }

        var items = new List<SyndicationItem>();
        var bad = new Dictionary<int, string>();
        for (var i = 0; i < split.Items.Count; i++)
        {
            if (ParseItem(split, split.Items[i]) is { } item)
            {
                items.Add(item);
            }
            else
            {
                bad[i + 1] = "the item could not be read: " + FirstLine(whole.Message) + " (the feed's other items were read)";
            }
        }

        feed.Items = items;
        return (feed, null, bad);
    }

    /// <summary>One item in a feed of its own: as written, else with its common faults mended (bare ampersands, enclosures).</summary>
    private static SyndicationItem? ParseItem(FeedItemSplitter.Parts split, string itemXml)
    {
        foreach (var candidate in new[] { itemXml, FeedItemSplitter.Mend(itemXml) })
        {
            try
            {
                var single = Parse(Encoding.UTF8.GetBytes(split.Head + candidate + split.Tail));
                return single.Items.FirstOrDefault();
            }
            catch (FormatException)
            {
            }
        }

        return null;
    }

    /// <summary>Throws FormatException: without an inner exception when the document is not a feed NewsBot reads, with one when it is a feed that does not parse.</summary>
    private static SyndicationFeed Parse(byte[] content)
    {
        using var reader = Create(content);
        try
        {
            reader.MoveToContent();
        }
        catch (XmlException ex)
        {
            throw NotWellFormed(ex);
        }

        SyndicationFeedFormatter formatter = reader.LocalName switch
        {
            "rss" => new Rss20FeedFormatter { DateTimeParser = LenientDate },
            "feed" when reader.NamespaceURI == AtomNamespace => new Atom10FeedFormatter { DateTimeParser = LenientDate },
            "RDF" => throw new FormatException("RSS 1.0 (RDF) feeds are not supported: use the site's RSS 2.0 or Atom feed"),
            _ => throw new FormatException($"not an RSS or Atom feed (the document starts with <{reader.Name}>)"),
        };
        try
        {
            formatter.ReadFrom(reader);
            return formatter.Feed;
        }
        catch (Exception ex) when (ex is XmlException or FormatException or OverflowException or ArgumentException or InvalidOperationException)
        {
            throw NotWellFormed(ex);
        }
    }

    private static FormatException NotWellFormed(Exception ex) => new("the feed is not well-formed XML: " + FirstLine(ex.Message), ex);

    private static string FirstLine(string message) => message.Split('\n')[0].Trim();

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
