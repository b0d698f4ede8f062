using System.Text;
using System.Text.RegularExpressions;
using NewsBot.Core.Text;

namespace NewsBot.Rendering;

/// <summary>
/// Article text shown in a Markdown reply stays text: brackets, angle brackets and backslashes are escaped, so a
/// "[text](https://phish.example)" or an HTML tag inside an article or its title can never become a link or markup.
/// Links NewsBot adds itself point only to absolute http(s) addresses, with the characters that could end a
/// Markdown link percent-encoded. Addresses inside the text are defanged (<see cref="Addresses"/>), so a renderer that
/// links bare addresses finds none.
/// </summary>
public static partial class MarkdownSafety
{
    /// <summary>Text from an article (a title, an outlet, a quote) as literal Markdown.</summary>
    public static string Text(string text)
    {
        var escaped = new StringBuilder(text.Length + 8);
        AppendEscaped(escaped, text, emphasis: true);
        return escaped.ToString();
    }

    /// <summary>
    /// An answer's text: NewsBot's own formatting (bold, bullets, italics) and its [n] markers are kept, while the
    /// brackets and tags quoted from articles (or written by a model) are escaped.
    /// </summary>
    public static string Answer(string text)
    {
        var escaped = new StringBuilder(text.Length + 8);
        var last = 0;
        foreach (Match marker in CitationMarkers.Pattern.Matches(text))
        {
            AppendEscaped(escaped, text[last..marker.Index], emphasis: false);
            escaped.Append(marker.Value);
            last = marker.Index + marker.Length;
        }

        AppendEscaped(escaped, text[last..], emphasis: false);
        return escaped.ToString();
    }

    /// <summary>The address to link to, or null when it is not an absolute http(s) address.</summary>
    public static string? Url(string? url)
    {
        if (url is null || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            return null;
        }

        return uri.AbsoluteUri.Replace("(", "%28", StringComparison.Ordinal).Replace(")", "%29", StringComparison.Ordinal)
            .Replace("[", "%5B", StringComparison.Ordinal).Replace("]", "%5D", StringComparison.Ordinal)
            .Replace("<", "%3C", StringComparison.Ordinal).Replace(">", "%3E", StringComparison.Ordinal)
            .Replace("\"", "%22", StringComparison.Ordinal).Replace("'", "%27", StringComparison.Ordinal).Replace(" ", "%20", StringComparison.Ordinal);
    }

    /// <summary>A Markdown link to an article when its address is safe, else its escaped text alone.</summary>
    public static string Link(string text, string? url) => Url(url) is { } safe ? $"[{Text(text)}]({safe})" : Text(text);

    /// <param name="emphasis">Also escape * and _ (article text); an answer keeps NewsBot's own bold and italics.</param>
    private static void AppendEscaped(StringBuilder builder, string text, bool emphasis)
    {
        foreach (var c in Addresses.Defang(text))
        {
            if (c != '\n' && UserText.IsHidden(c))
            {
                continue; // Control and text-direction characters are never echoed.
            }

            if (c is '\\' or '[' or ']' or '<' or '>' or '`' || (emphasis && c is '*' or '_'))
            {
                builder.Append('\\');
            }

            builder.Append(c);
        }
    }
}
