using System.Globalization;
using System.Text.RegularExpressions;

namespace NewsBot.Core.Text;

/// <summary>
/// The one reader of figures: numbers that carry a fact (amounts, percentages, counts; not years), written in digits
/// or in words ("twelve passengers" is 12 passengers), by the word that follows them.
/// </summary>
public static partial class Figures
{
    private static readonly Dictionary<string, int> NumberWords = new(StringComparer.OrdinalIgnoreCase)
    {
        ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6, ["seven"] = 7, ["eight"] = 8,
        ["nine"] = 9, ["ten"] = 10, ["eleven"] = 11, ["twelve"] = 12, ["thirteen"] = 13, ["fourteen"] = 14,
        ["fifteen"] = 15, ["sixteen"] = 16, ["seventeen"] = 17, ["eighteen"] = 18, ["nineteen"] = 19, ["twenty"] = 20,
        ["thirty"] = 30, ["forty"] = 40, ["fifty"] = 50, ["sixty"] = 60, ["seventy"] = 70, ["eighty"] = 80, ["ninety"] = 90,
        ["hundred"] = 100, ["dozen"] = 12,
    };

    /// <summary>Figures by the word after them: "1.2 billion and 1.45 billion" is billion: {1.2, 1.45}; "Twelve passengers" is passengers: {12}.</summary>
    public static Dictionary<string, HashSet<string>> ByUnit(string sentence) =>
        Digits().Matches(sentence).Select(m => (Unit: m.Groups["unit"].Value.ToLowerInvariant(), Value: m.Groups["value"].Value.Replace(",", "", StringComparison.Ordinal)))
            .Concat(Worded().Matches(sentence)
                .Where(m => NumberWords.ContainsKey(m.Groups["value"].Value) && !NumberWords.ContainsKey(m.Groups["unit"].Value))
                .Select(m => (Unit: m.Groups["unit"].Value.ToLowerInvariant(), Value: NumberWords[m.Groups["value"].Value].ToString(CultureInfo.InvariantCulture))))
            .GroupBy(f => f.Unit, f => f.Value)
            .ToDictionary(g => g.Key, g => g.ToHashSet(StringComparer.Ordinal));

    /// <summary>Every number written in digits, without thousands separators or leading zeros: what a claim and its source must share.</summary>
    public static HashSet<string> InDigits(string text) =>
        Number().Matches(text).Select(m => m.Value.Replace(",", "", StringComparison.Ordinal).TrimStart('0') is { Length: > 0 } f ? f : "0").ToHashSet(StringComparer.Ordinal);

    // A number that carries a fact (amount, percentage, count; not a year) and the word or sign after it.
    [GeneratedRegex(@"(?<![\d.,])(?!(19|20)\d{2}\b)(?<value>\d[\d,]*(\.\d+)?)(?![\d])\s?(?<unit>%|[\p{L}]+)")]
    private static partial Regex Digits();

    // A number word and the word after it; overlapping, so "has eleven stops" is found after "has eleven". "One" is
    // left out: it is more often a pronoun ("the one who") than a count.
    [GeneratedRegex(@"\b(?<value>[A-Za-z]+)(?=\s(?<unit>[\p{L}]+))")]
    private static partial Regex Worded();

    [GeneratedRegex(@"\d+(?:,\d{3})*(?:\.\d+)?")]
    private static partial Regex Number();
}
