using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace NewsBot.Core.Ingestion;

/// <summary>Normalises whitespace and entities so that every reader hands the chunker the same kind of text.</summary>
public static partial class TextCleaner
{
    /// <summary>One line of text: entities decoded, whitespace collapsed.</summary>
    public static string Clean(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }

        return Spaces().Replace(WebUtility.HtmlDecode(text).Normalize(NormalizationForm.FormC), " ").Trim();
    }

    /// <summary>Body text: paragraphs kept (one blank line between them), whitespace inside them collapsed.</summary>
    public static string CleanBody(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }

        var decoded = WebUtility.HtmlDecode(text).Normalize(NormalizationForm.FormC).Replace("\r\n", "\n").Replace('\r', '\n');
        var paragraphs = ParagraphBreak().Split(decoded)
            .Select(p => Spaces().Replace(p, " ").Trim())
            .Where(p => p.Length > 0);
        return string.Join("\n\n", paragraphs);
    }

    /// <summary>Words separated by whitespace.</summary>
    public static int WordCount(string? text) =>
        string.IsNullOrWhiteSpace(text) ? 0 : text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"\n\s*\n")]
    private static partial Regex ParagraphBreak();
}
