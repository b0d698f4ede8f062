using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using NewsBot.Core.Ingestion;

namespace NewsBot.Ingestion.Web;

/// <summary>The text of an HTML fragment (a feed item's content): paragraphs kept, scripts and styles dropped.</summary>
public static class HtmlFragmentText
{
    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "section", "article", "tr", "figcaption", "pre",
    };

    private static readonly HashSet<string> Skipped = new(StringComparer.OrdinalIgnoreCase) { "script", "style", "noscript", "iframe", "svg" };

    public static string ToText(string? html)
    {
        if (string.IsNullOrWhiteSpace(html))
        {
            return "";
        }

        if (!html.Contains('<'))
        {
            return TextCleaner.CleanBody(html);
        }

        var document = new HtmlParser().ParseDocument("<body>" + html + "</body>");
        var text = new StringBuilder();
        Append(document.Body!, text);
        return TextCleaner.CleanBody(text.ToString());
    }

    private static void Append(INode node, StringBuilder text)
    {
        foreach (var child in node.ChildNodes)
        {
            switch (child)
            {
                case IText t:
                    text.Append(t.Data);
                    break;
                case IElement e when Skipped.Contains(e.LocalName):
                    break;
                case IElement e:
                    var block = Blocks.Contains(e.LocalName);
                    if (block)
                    {
                        text.Append("\n\n");
                    }

                    Append(e, text);
                    if (block)
                    {
                        text.Append("\n\n");
                    }

                    break;
            }
        }
    }
}
