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
            var name = source.StartsWith("The ", StringComparison.OrdinalIgnoreCase) ? source[4..] : source;
            if (name.Length < 2)
            {
                continue;
            }

            // Outlet names are proper nouns: match their capitalisation, as whole words.
            var match = Regex.Match(question, $@"(?<![\p{{L}}\p{{N}}]){Regex.Escape(name)}(?![\p{{L}}\p{{N}}])");
            if (match.Success)
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
}
