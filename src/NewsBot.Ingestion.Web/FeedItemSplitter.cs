using System.Text;
using System.Text.RegularExpressions;

namespace NewsBot.Ingestion.Web;

/// <summary>
/// A feed cut into its head (up to the first item), its items and its tail, as text, so that a feed with one broken
/// item can be read one item at a time. Mending is limited to faults publishers commonly make and that change no
/// words: an "&amp;" that starts no entity is escaped, and enclosures (which NewsBot does not read) are dropped.
/// </summary>
public static partial class FeedItemSplitter
{
    public sealed record Parts(string Head, IReadOnlyList<string> Items, string Tail);

    public static Parts? Split(byte[] content)
    {
        var text = Encoding.UTF8.GetString(content);
        var items = Item().Matches(text);
        if (items.Count == 0)
        {
            return null;
        }

        // The text is UTF-8 from here on: a declaration naming another encoding would misread it.
        var head = Mend(Declaration().Replace(text[..items[0].Index], "$1"));
        var last = items[^1];
        var tail = text[(last.Index + last.Length)..];
        return new Parts(head, items.Select(m => m.Value).ToArray(), tail);
    }

    /// <summary>The item with bare ampersands escaped and its enclosures left out.</summary>
    public static string Mend(string xml) => BareAmpersand().Replace(Enclosure().Replace(xml, ""), "&amp;");

    // RSS <item> and Atom <entry> elements, whole (not nested in feeds).
    [GeneratedRegex(@"<(item|entry)(\s[^>]*)?>.*?</\1\s*>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex Item();

    [GeneratedRegex(@"<enclosure\b[^>]*?(/>|>.*?</enclosure\s*>)", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex Enclosure();

    [GeneratedRegex(@"(<\?xml[^>]*?)\s+encoding\s*=\s*[""'][^""']*[""']")]
    private static partial Regex Declaration();

    [GeneratedRegex(@"&(?!(#[0-9]+|#x[0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);)")]
    private static partial Regex BareAmpersand();
}
