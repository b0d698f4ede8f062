namespace NewsBot.Core.Text;

/// <summary>
/// The one stemmer: words compared by their stems match across plural and singular ("companies" and "company",
/// "trams" and "tram"; "press" and "bus" stay), and the loose prefix key the support and asked-fact checks compare
/// by ("strike", "strikes", "striking" share "strik").
/// </summary>
public static class Stems
{
    /// <summary>A lower-case word with an English plural folded.</summary>
    public static string Of(string word) =>
        word.Length > 4 && word.EndsWith("ies", StringComparison.Ordinal) ? word[..^3] + "y"
        : word.Length > 3 && word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal) && !word.EndsWith("us", StringComparison.Ordinal) ? word[..^1]
        : word;

    /// <summary>A word's first <paramref name="letters"/> letters: a key that also joins inflections ("reported", "reporter").</summary>
    public static string Prefix(string word, int letters) => word.Length <= letters ? word : word[..letters];
}
