using System.Text.RegularExpressions;

namespace NewsBot.Ingestion.Web;

/// <summary>
/// The rules of one site's robots.txt (RFC 9309) that apply to NewsBot: the group naming NewsBot, else the group for
/// every crawler (*). The longest matching rule decides, Allow winning a tie; <c>*</c> matches anything and a
/// trailing <c>$</c> anchors the end.
/// </summary>
public sealed class RobotsRules
{
    public const string ProductToken = "newsbot";

    private readonly IReadOnlyList<(bool Allow, string Pattern, Regex Match)> _rules;

    private RobotsRules(IReadOnlyList<(bool, string, Regex)> rules) => _rules = rules;

    public static RobotsRules AllowAll { get; } = new([]);

    public static RobotsRules DisallowAll { get; } = new([(false, "/", ToRegex("/"))]);

    public static RobotsRules Parse(string robotsTxt)
    {
        var groups = new List<(List<string> Agents, List<(bool, string, Regex)> Rules)>();
        (List<string> Agents, List<(bool, string, Regex)> Rules)? current = null;
        var lastWasAgent = false;
        foreach (var raw in robotsTxt.Split('\n'))
        {
            var line = raw.Split('#')[0].Trim();
            var colon = line.IndexOf(':');
            if (colon <= 0)
            {
                continue;
            }

            var key = line[..colon].Trim().ToLowerInvariant();
            var value = line[(colon + 1)..].Trim();
            if (key == "user-agent")
            {
                if (current is null || !lastWasAgent)
                {
                    current = ([], []);
                    groups.Add(current.Value);
                }

                current.Value.Agents.Add(value.ToLowerInvariant());
                lastWasAgent = true;
            }
            else if ((key == "allow" || key == "disallow") && current is not null)
            {
                lastWasAgent = false;
                if (value.Length > 0)
                {
                    current.Value.Rules.Add((key == "allow", value, ToRegex(value)));
                }
            }
        }

        var mine = groups.Where(g => g.Agents.Contains(ProductToken)).ToList();
        var chosen = mine.Count > 0 ? mine : groups.Where(g => g.Agents.Contains("*")).ToList();
        return new RobotsRules(chosen.SelectMany(g => g.Rules).ToArray());
    }

    /// <summary>Whether NewsBot may read the path (with its query).</summary>
    public bool Allows(string pathAndQuery)
    {
        var best = _rules.Where(r => r.Match.IsMatch(pathAndQuery))
            .OrderByDescending(r => r.Pattern.Length)
            .ThenByDescending(r => r.Allow)
            .FirstOrDefault();
        return best.Pattern is null || best.Allow;
    }

    private static Regex ToRegex(string pattern)
    {
        var anchored = pattern.EndsWith('$');
        var body = Regex.Escape(anchored ? pattern[..^1] : pattern).Replace(@"\*", ".*", StringComparison.Ordinal);
        return new Regex("^" + body + (anchored ? "$" : ""), RegexOptions.CultureInvariant);
    }
}
