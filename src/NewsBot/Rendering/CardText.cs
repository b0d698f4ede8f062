using System.Net;
using NewsBot.Core.Ingestion;
using NewsBot.Core.Text;

namespace NewsBot.Rendering;

/// <summary>
/// Article text on a Teams card, by the same rules as a reply: plain text only. Markdown links keep their words,
/// images and HTML tags are dropped (<see cref="Markup"/>), addresses are defanged, and what is left is encoded so
/// that Teams' card formatting (which reads HTML) shows it as text.
/// </summary>
public static class CardText
{
    public static string Plain(string? text) =>
        string.IsNullOrEmpty(text) ? "" : WebUtility.HtmlEncode(Addresses.Defang(TextCleaner.Clean(Markup.AsText(text))));
}
