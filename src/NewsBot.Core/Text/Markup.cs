using System.Text.RegularExpressions;

namespace NewsBot.Core.Text;

/// <summary>Markdown links and images, and HTML tags, reduced to their words: article text wherever it is shown as plain text.</summary>
public static partial class Markup
{
    /// <summary>"[the site](https://…)" is "the site"; an image is dropped; every HTML tag is dropped.</summary>
    public static string AsText(string text) => Tags().Replace(Links().Replace(text, "${text}"), "");

    /// <summary>Markdown links keep their words, images go; HTML is left as it is.</summary>
    public static string LinksAsText(string text) => Links().Replace(text, "${text}");

    // A Markdown image (no words kept) or link (its words kept).
    [GeneratedRegex(@"!\[[^\]]*\]\([^)]*\)|\[(?<text>[^\]]+)\]\([^)]*\)")]
    private static partial Regex Links();

    [GeneratedRegex(@"</?[A-Za-z!][^>]*>")]
    private static partial Regex Tags();
}
