using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace NewsBot.Core.Articles;

/// <summary>Stable ids and content hashes: the same article always gets the same id, whatever file it came from.</summary>
public static class ArticleIdentity
{
    public static string IdFor(string? givenId, string? url, string title, DateTimeOffset? publishedAt, string? source)
    {
        if (!string.IsNullOrWhiteSpace(givenId))
        {
            return givenId.Trim();
        }

        var normalizedUrl = NormalizeUrl(url);
        if (normalizedUrl is not null)
        {
            return "url-" + ShortHash(normalizedUrl);
        }

        var date = publishedAt?.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";
        return "art-" + ShortHash($"{title.Trim().ToLowerInvariant()}\n{date}\n{source?.Trim().ToLowerInvariant()}");
    }

    public static string ContentHash(Article article)
    {
        var text = string.Join('\u001f',
            article.Title, article.Body, article.Url ?? "", article.Source ?? "", article.Author ?? "",
            article.PublishedAt?.UtcDateTime.ToString("O", CultureInfo.InvariantCulture) ?? "",
            article.Category ?? "", string.Join('\u001e', article.Tags));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    /// <summary>Lower-cases scheme and host, drops the fragment and a trailing slash; null when not an absolute http(s) URL.</summary>
    public static string? NormalizeUrl(string? url)
    {
        if (string.IsNullOrWhiteSpace(url) || !Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            return null;
        }

        var path = uri.AbsolutePath.TrimEnd('/');
        return $"{uri.Host.ToLowerInvariant()}{(uri.IsDefaultPort ? "" : ":" + uri.Port)}{path}{uri.Query}";
    }

    private static string ShortHash(string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..20];
}
