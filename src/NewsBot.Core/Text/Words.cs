using System.Text.RegularExpressions;

namespace NewsBot.Core.Text;

/// <summary>
/// The one tokeniser and the one capitalised-word pattern that every reader of text shares (keyword terms, names in
/// questions, wire-copy signatures, support and asked-fact checks).
/// </summary>
public static partial class Words
{
    /// <summary>Runs of letters and digits. Apostrophes split words, as in the keyword index: "NATO's" is "NATO" and "s".</summary>
    public static Regex Runs => LetterDigitRuns();

    /// <summary>The runs of a text, in order, repeats included.</summary>
    public static IEnumerable<string> Of(string text) => LetterDigitRuns().Matches(text).Select(m => m.Value);

    /// <summary>A word starting with a capital, apostrophes and hyphens kept ("NATO's", "Jean-Luc"): where a name starts.</summary>
    public static Regex Capitalised => CapitalisedWord();

    /// <summary>
    /// A name as written: capitalised words (acronyms, initials such as "J. R.", hyphenated and possessive forms)
    /// joined by spaces or hyphens, with "of", "de", "van", "von" inside ("Bank of England", "Ursula von der Leyen").
    /// </summary>
    public static Regex Names => CapitalisedRun();

    /// <summary>A name without its possessive ending ("NATO's" is "NATO", "Jones’" is "Jones").</summary>
    public static string WithoutPossessive(string name) => PossessiveEnding().Replace(name, "");

    [GeneratedRegex(@"['’]s?$")]
    private static partial Regex PossessiveEnding();

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex LetterDigitRuns();

    [GeneratedRegex(@"\b\p{Lu}(?:[\p{L}\p{N}'’&-]|\.(?=\p{L}))*(?:[ -](?:of |de |van |von )?\p{Lu}(?:[\p{L}\p{N}'’&-]|\.(?=\p{L}))*)*")]
    private static partial Regex CapitalisedRun();

    [GeneratedRegex(@"\b\p{Lu}[\p{L}\p{N}'’\-]+")]
    private static partial Regex CapitalisedWord();
}
