using AngleSharp.Html.Dom;

using NewsBot.Core.Ingestion;

namespace NewsBot.Ingestion.Files;

/// <summary>
/// The address a page gives for itself: <c>&lt;link rel="canonical"&gt;</c>, else <c>og:url</c>, resolved against
/// where the page was read from. Only an http(s) address counts: a saved page's relative link cannot be resolved.
/// </summary>
internal static class PageAddress
{
    public static string? Of(IHtmlDocument document, string readFrom)
    {
        var candidates = new[]
        {
            document.QuerySelector("link[rel~='canonical' i][href]")?.GetAttribute("href"),
            document.QuerySelector("meta[property='og:url' i][content]")?.GetAttribute("content"),
        };
        foreach (var candidate in candidates)
        {
            if (Resolve(candidate?.Trim(), readFrom) is { } address)
            {
                return address;
            }
        }

        return null;
    }

    private static string? Resolve(string? href, string readFrom)
    {
        if (string.IsNullOrEmpty(href))
        {
            return null;
        }

        Uri? address = null;
        if (Uri.TryCreate(href, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https")
        {
            address = absolute;
        }
        else if (ArticleSources.IsWebAddress(readFrom) && Uri.TryCreate(new Uri(readFrom), href, out var relative))
        {
            address = relative;
        }

        return address is { Scheme: "http" or "https" } ? address.AbsoluteUri : null;
    }
}
