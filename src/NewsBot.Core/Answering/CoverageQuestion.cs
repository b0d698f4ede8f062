using System.Text.RegularExpressions;

namespace NewsBot.Core.Answering;

/// <summary>
/// A question about what NewsBot reads rather than about the news: "sources", "your outlets", "Which outlets do you
/// cover?", "what news sources do you have". Every channel (the bot, the CLI, the answerer) recognises the same ones.
/// </summary>
public static partial class CoverageQuestion
{
    public static bool IsAsked(string question) => Question().IsMatch(Normalised(question));

    /// <summary>Lower case, typographic apostrophes straightened, without a leading slash or trailing punctuation.</summary>
    public static string Normalised(string text) => Noise().Replace(text.ToLowerInvariant(), "").Replace('’', '\'');

    [GeneratedRegex(@"^[/!\s]+|[.!?\s]+$")]
    private static partial Regex Noise();

    [GeneratedRegex(@"^(?:(?:what|which)(?: are)?(?: your)?|your|list(?: your)?)?\s*(?:news )?(?:sources|outlets|publications|publishers)(?: do you (?:have|use|cover|know|read|follow))?$")]
    private static partial Regex Question();
}
