using System.Text.RegularExpressions;

namespace NewsBot.Core.Chunking;

/// <summary>Splits prose into sentences at . ! ? followed by a capital, keeping common abbreviations and initials intact.</summary>
public static partial class SentenceSplitter
{
    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "gen", "col", "lt", "sgt", "capt", "gov", "sen", "rep",
        "rev", "hon", "pres", "inc", "ltd", "co", "corp", "vs", "etc", "no", "vol", "jan", "feb", "mar", "apr",
        "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mt", "ft", "approx", "dept", "est", "fig", "u.s",
        "u.k", "e.g", "i.e", "a.m", "p.m",
    };

    public static IEnumerable<string> Split(string paragraph)
    {
        var start = 0;
        foreach (Match boundary in Boundary().Matches(paragraph))
        {
            var candidate = paragraph[start..boundary.Index].TrimEnd();
            if (EndsWithAbbreviation(candidate))
            {
                continue;
            }

            var sentence = candidate.Trim();
            if (sentence.Length > 0)
            {
                yield return sentence;
            }

            start = boundary.Index + boundary.Length;
        }

        var last = paragraph[start..].Trim();
        if (last.Length > 0)
        {
            yield return last;
        }
    }

    private static bool EndsWithAbbreviation(string text)
    {
        var trimmed = text.TrimEnd('"', '\'', '”', '’', ')');
        if (!trimmed.EndsWith('.'))
        {
            return false;
        }

        var wordStart = trimmed.LastIndexOfAny([' ', '(', '"', '“']) + 1;
        var word = trimmed[wordStart..^1];
        // A single capital letter is an initial ("John F. Kennedy").
        return Abbreviations.Contains(word) || (word.Length == 1 && char.IsUpper(word[0]));
    }

    // The whitespace after sentence-ending punctuation (plus closing quotes) when a new sentence plausibly starts.
    [GeneratedRegex(@"(?<=[.!?][""'”’)\]]*)\s+(?=[""'“‘(\[]?[\p{Lu}\p{N}])")]
    private static partial Regex Boundary();
}
