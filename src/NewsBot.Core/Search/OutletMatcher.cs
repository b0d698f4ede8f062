using System.Text.RegularExpressions;

namespace NewsBot.Core.Search;

/// <summary>Finds the outlets a question names ("according to The Verge"), among those the store holds.</summary>
public static class OutletMatcher
{
    public static IReadOnlyList<string> Find(string question, IEnumerable<string> knownSources)
    {
        var found = new List<(int Position, string Source)>();
        foreach (var source in knownSources)
        {
            if (Match(question, source) is { Success: true } match)
            {
                found.Add((match.Index, source));
            }
        }

        // A name inside a longer one ("Times" in "New York Times") counts once, as the longer one.
        return found
            .Where(f => !found.Any(o => o.Source.Length > f.Source.Length && o.Source.Contains(f.Source, StringComparison.OrdinalIgnoreCase)))
            .OrderBy(f => f.Position)
            .Select(f => f.Source)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToArray();
    }

    /// <summary>Whether the text names the outlet (as <see cref="Find"/> matches it).</summary>
    public static bool Names(string text, string source) => Match(text, source) is { Success: true };

    /// <summary>The outlet's name as written ("The Verge" → "Verge"), or null when too short to match.</summary>
    public static string? NameOf(string source)
    {
        var name = source.StartsWith("The ", StringComparison.OrdinalIgnoreCase) ? source[4..] : source;
        return name.Length < 2 ? null : name;
    }

    // Outlet names are proper nouns: match their capitalisation, as whole words.
    private static Match? Match(string text, string source) =>
        NameOf(source) is { } name ? Regex.Match(text, $@"(?<![\p{{L}}\p{{N}}]){Regex.Escape(name)}(?![\p{{L}}\p{{N}}])") : null;
}
