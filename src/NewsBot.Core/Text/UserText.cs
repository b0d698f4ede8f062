using System.Globalization;
using System.Text;

namespace NewsBot.Core.Text;

/// <summary>
/// What a person types, made plain once where it enters NewsBot: compatibility forms folded (full-width "７:３０" is
/// "7:30"), every decimal digit written as 0–9 (Arabic-Indic "٧" is "7"). Every rule after this reads digits as
/// ASCII. Control and format characters (bidirectional overrides such as U+202E, zero-width ones) are kept here, so
/// that a command can refuse them (<see cref="IsHidden"/>); replies strip them from whatever they echo.
/// </summary>
public static class UserText
{
    public static string Normalise(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var folded = text.IsNormalized(NormalizationForm.FormKC) ? text : text.Normalize(NormalizationForm.FormKC);
        var plain = new StringBuilder(folded.Length);
        foreach (var c in folded)
        {
            if (char.IsDigit(c) && c is < '0' or > '9')
            {
                plain.Append((char)('0' + (int)char.GetNumericValue(c)));
            }
            else
            {
                plain.Append(c);
            }
        }

        return plain.ToString();
    }

    /// <summary>Control characters, and format characters that reorder or hide text (U+202E, U+2066, zero-width).</summary>
    public static bool IsHidden(char c) =>
        char.IsControl(c) || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format;
}
