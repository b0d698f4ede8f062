using System.Text.RegularExpressions;

namespace NewsBot.Core.Text;

/// <summary>
/// The one owner of citation markers: "[1]", "[1, 2]" are NewsBot's own marking of which retrieved passage backs a
/// sentence. Article text never carries a marker: whatever looks like one there ("[1][2][3]" footnotes, "［2］",
/// "[1-3]", "[^4]") is removed where the text enters NewsBot's records, so a quoted sentence cannot cite other outlets.
/// </summary>
public static partial class CitationMarkers
{
    /// <summary>NewsBot's markers: [1], [1, 2], [1,2,3]; group "list" holds the numbers.</summary>
    public static Regex Pattern => Markers();

    /// <summary>Text from an article (title, body) with every marker-like group removed.</summary>
    public static string Neutralise(string text)
    {
        if (text.AsSpan().IndexOfAny('[', '［', '⁽') < 0)
        {
            return text;
        }

        // A marker opening a line takes the spaces after it; one inside a line, the spaces before it.
        return ArticleMarkers().Replace(LineStartMarkers().Replace(text, ""), "");
    }

    /// <summary>Whether the text cites anything.</summary>
    public static bool Has(string text) => Markers().IsMatch(text);

    /// <summary>The text with its markers taken out (each replaced by a space), for reading what a sentence claims.</summary>
    public static string Strip(string text) => Markers().Replace(text, " ");

    /// <summary>Markers in an answer rendered as Markdown, where an escaped "\[1]" is text and not a marker; group 1 is the number.</summary>
    public static Regex InMarkdown => UnescapedMarker();

    /// <summary>The numbers a piece of text cites, in order of appearance.</summary>
    public static IEnumerable<int> Numbers(string text)
    {
        foreach (Match match in Markers().Matches(text))
        {
            foreach (var token in match.Groups["list"].Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                if (int.TryParse(token, out var n))
                {
                    yield return n;
                }
            }
        }
    }

    /// <summary>A marker written twice in a row ("[1][1]") kept once.</summary>
    public static string Deduplicate(string text) =>
        Markers().Replace(text, m => m.Index >= m.Length && text.AsSpan(m.Index - m.Length, m.Length).SequenceEqual(m.Value) ? "" : m.Value);

    public static string Format(int n) => $"[{n.ToString(System.Globalization.CultureInfo.InvariantCulture)}]";

    [GeneratedRegex(@"\[(?<list>\s*\d+(\s*,\s*\d+)*\s*)\]")]
    private static partial Regex Markers();

    [GeneratedRegex(@"(?<!\\)\[(\d+)\]")]
    private static partial Regex UnescapedMarker();

    // Any bracketed group of numbers, ranges and separators, ASCII or full-width, with an optional footnote caret.
    [GeneratedRegex(@"[ \t]*" + Marker)]
    private static partial Regex ArticleMarkers();

    [GeneratedRegex(@"^(" + Marker + @")+[ \t]*", RegexOptions.Multiline)]
    private static partial Regex LineStartMarkers();

    private const string Marker = @"[\[［⁽][ \t]*\^?[ \t]*\p{Nd}+([ \t]*[,;–—\-][ \t]*\^?[ \t]*\p{Nd}+)*[ \t]*[\]］⁾]";
}
