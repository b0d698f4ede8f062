using System.Text.RegularExpressions;

namespace NewsBot.Rendering;

/// <summary>
/// Addresses written inside article text are shown defanged, never as links: Web Chat's Markdown renderer and Teams
/// turn a bare "https://…", "www.…" or "name.com" into a live link, so escaping Markdown alone is not enough.
/// "https://phish.example/login" is shown as "https[:]//phish[.]example/login". The only links in a reply are the
/// articles' own addresses, which NewsBot adds itself.
/// </summary>
public static partial class Addresses
{
    public static string Defang(string text)
    {
        if (text.AsSpan().IndexOfAny('.', ':') < 0)
        {
            return text;
        }

        text = Schemes().Replace(text, "${scheme}[:]");
        return Hosts().Replace(text, m => m.Value.Replace(".", "[.]", StringComparison.Ordinal));
    }

    // Schemes that renderers link or run.
    [GeneratedRegex(@"(?i)\b(?<scheme>https?|s?ftp|wss?|file|mailto|tel|sms|callto|javascript|vbscript|data|msteams|ms-[a-z-]+):")]
    private static partial Regex Schemes();

    // Anything shaped like a host name: labels joined by dots (no spaces), ending in a label of two or more letters.
    // Linkifiers and chat clients each keep their own list of top-level domains; this covers them all.
    [GeneratedRegex(@"(?<![\p{L}\p{N}_-])(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,62})?\.)+\p{L}{2,63}(?![\p{L}\p{N}_-])")]
    private static partial Regex Hosts();
}
