using System.Net;
using System.Text.RegularExpressions;

namespace NewsBot.Rendering;

/// <summary>
/// Article text on a Teams card, by the same rules as a reply: plain text only. Markdown links and images keep their
/// words, HTML tags are dropped, addresses are defanged, and what is left is encoded so that Teams' card formatting
/// (which reads HTML) shows it as text.
/// </summary>
public static partial class CardText
{
    public static string Plain(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var plain = MarkdownLink().Replace(text, "${text}");
        plain = WebUtility.HtmlDecode(Tag().Replace(plain, ""));
        plain = Addresses.Defang(Spaces().Replace(plain, " ").Trim());
        return WebUtility.HtmlEncode(plain);
    }

    [GeneratedRegex(@"!?\[(?<text>[^\]]*)\]\([^)]*\)")]
    private static partial Regex MarkdownLink();

    [GeneratedRegex(@"</?[A-Za-z!][^>]*>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
