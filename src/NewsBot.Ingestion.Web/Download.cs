using System.Text;
using System.Text.RegularExpressions;

namespace NewsBot.Ingestion.Web;

/// <summary>What a web address returned: the bytes, their media type and character set, and where redirects ended.</summary>
public sealed partial record Download(Uri Url, string? MediaType, string? Charset, byte[] Content)
{
    static Download()
    {
        // Pages still declare legacy code pages (windows-1252, iso-8859-2, shift_jis); .NET knows them once registered.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    }

    /// <summary>
    /// The content as text: a byte order mark wins, then the charset of the Content-Type header, then a
    /// <c>&lt;meta charset&gt;</c> near the top of the page, then UTF-8; an unknown charset name reads as UTF-8.
    /// </summary>
    public string Text()
    {
        var declared = Charset ?? MetaCharset();
        var encoding = Encoding.UTF8;
        if (declared is { Length: > 0 })
        {
            try
            {
                encoding = Encoding.GetEncoding(declared.Trim('"', '\'', ' '));
            }
            catch (ArgumentException)
            {
                // An unknown charset name: read as UTF-8 rather than fail the page.
            }
        }

        using var reader = new StreamReader(new MemoryStream(Content), encoding, detectEncodingFromByteOrderMarks: true);
        return reader.ReadToEnd();
    }

    private string? MetaCharset()
    {
        var head = Encoding.ASCII.GetString(Content, 0, Math.Min(Content.Length, 4096));
        var match = MetaCharsetPattern().Match(head);
        return match.Success ? match.Groups["charset"].Value : null;
    }

    [GeneratedRegex(@"<meta[^>]+charset\s*=\s*[""']?(?<charset>[A-Za-z0-9_\-:.]+)", RegexOptions.IgnoreCase)]
    private static partial Regex MetaCharsetPattern();
}
