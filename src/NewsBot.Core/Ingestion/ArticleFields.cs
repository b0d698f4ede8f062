using System.Globalization;
using NewsBot.Core.Articles;

namespace NewsBot.Core.Ingestion;

/// <summary>
/// The metadata fields an input may carry, under the names news exports commonly use,
/// turned into an <see cref="Article"/> or a reason why not.
/// </summary>
public sealed class ArticleFields
{
    public static readonly string[] TitleNames = ["title", "headline"];
    public static readonly string[] BodyNames = ["body", "text", "content", "article_body", "articleBody"];
    public static readonly string[] UrlNames = ["url", "link", "href"];
    public static readonly string[] SourceNames = ["source", "outlet", "publisher", "site_name", "siteName"];
    public static readonly string[] DateNames = ["published_at", "publishedAt", "published", "date", "pubDate", "pub_date", "datePublished"];
    public static readonly string[] UpdatedNames = ["updated_at", "updatedAt", "updated", "modified", "modified_at", "date_modified", "dateModified", "lastModified", "last_modified"];
    public static readonly string[] AuthorNames = ["author", "authors", "byline", "creator"];
    public static readonly string[] CategoryNames = ["category", "section", "categories"];
    public static readonly string[] TagNames = ["tags", "keywords"];
    public static readonly string[] IdNames = ["id", "article_id", "guid"];
    public static readonly string[] DatedAsOfNames = ["dated_as_of"];

    public string? Id { get; set; }
    public string? Title { get; set; }
    public string? Body { get; set; }
    public string? Url { get; set; }
    public string? Source { get; set; }
    public string? Author { get; set; }
    public string? Published { get; set; }

    /// <summary>When the outlet last changed the article (its own <c>updated_at</c> / <c>dateModified</c>), as written.</summary>
    public string? Updated { get; set; }
    public string? Category { get; set; }
    public List<string> Tags { get; } = [];

    /// <summary>
    /// For made-up news (demos, samples): the day its dates were written as of. The publication date moves by whole
    /// days so that day becomes today, keeping order, spacing and time of day: an item dated the day before is
    /// always yesterday's news.
    /// </summary>
    public string? DatedAsOf { get; set; }

    /// <summary>The clock that says what today is, for <see cref="DatedAsOf"/>.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>Sets a field from a raw key; unknown keys are ignored. Returns whether the key was recognised.</summary>
    public bool Set(string key, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return Is(key, TitleNames) || Is(key, BodyNames);
        }

        if (Is(key, IdNames)) { Id ??= value; }
        else if (Is(key, TitleNames)) { Title ??= value; }
        else if (Is(key, BodyNames)) { Body ??= value; }
        else if (Is(key, UrlNames)) { Url ??= value; }
        else if (Is(key, SourceNames)) { Source ??= value; }
        else if (Is(key, DateNames)) { Published ??= value; }
        else if (Is(key, UpdatedNames)) { Updated ??= value; }
        else if (Is(key, AuthorNames)) { Author ??= value; }
        else if (Is(key, CategoryNames)) { Category ??= value; }
        else if (Is(key, DatedAsOfNames)) { DatedAsOf ??= value; }
        else if (Is(key, TagNames)) { Tags.AddRange(value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)); }
        else { return false; }

        return true;
    }

    public ReadItem ToReadItem(string location)
    {
        var title = TextCleaner.Clean(Title);
        var body = TextCleaner.CleanBody(Body);
        if (title.Length == 0)
        {
            return ReadItem.Failed(location, "the article has no title (expected one of: " + string.Join(", ", TitleNames) + ")");
        }

        if (body.Length == 0)
        {
            return ReadItem.Failed(location, "the article has no body text (expected one of: " + string.Join(", ", BodyNames) + ")");
        }

        DateTimeOffset? published = null;
        if (!string.IsNullOrWhiteSpace(Published))
        {
            if (!TryParseDate(Published, out var date))
            {
                return ReadItem.Failed(location, $"the publication date '{Published}' is not a date NewsBot can read (use ISO 8601, e.g. 2024-03-05T14:00:00Z)");
            }

            published = date;
        }

        DateTimeOffset? updated = null;
        if (!string.IsNullOrWhiteSpace(Updated))
        {
            if (!TryParseDate(Updated, out var date))
            {
                return ReadItem.Failed(location, $"the update date '{Updated}' is not a date NewsBot can read (use ISO 8601, e.g. 2024-03-05T14:00:00Z)");
            }

            updated = date;
        }

        if (!string.IsNullOrWhiteSpace(DatedAsOf) && (published is not null || updated is not null))
        {
            if (!TryParseDate(DatedAsOf, out var asOf))
            {
                return ReadItem.Failed(location, $"dated_as_of '{DatedAsOf}' is not a date (use a day such as 2026-11-28)");
            }

            var days = (Clock.GetUtcNow().UtcDateTime.Date - asOf.UtcDateTime.Date).Days;
            published = published?.AddDays(days);
            updated = updated?.AddDays(days);
        }

        var url = NullIfEmpty(Url?.Trim());
        if (url is not null && !IsWebAddress(url))
        {
            return ReadItem.Failed(location, $"the url '{(url.Length > 80 ? url[..80] + "…" : url)}' is not an absolute http(s) address");
        }

        var source = NullIfEmpty(TextCleaner.Clean(Source));
        var article = new Article
        {
            Id = ArticleIdentity.IdFor(Id, Url, title, published, source),
            Title = title,
            Body = body,
            Url = url,
            Source = source,
            Author = NullIfEmpty(TextCleaner.Clean(Author)),
            PublishedAt = published,
            UpdatedAt = updated,
            Category = NullIfEmpty(TextCleaner.Clean(Category)),
            Tags = Tags.Select(TextCleaner.Clean).Where(t => t.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToArray(),
        };
        return ReadItem.Ok(location, article);
    }

    public static bool TryParseDate(string text, out DateTimeOffset date)
    {
        text = text.Trim();
        if (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var epoch))
        {
            // Unix time, in seconds or milliseconds.
            date = epoch > 100_000_000_000 ? DateTimeOffset.FromUnixTimeMilliseconds(epoch) : DateTimeOffset.FromUnixTimeSeconds(epoch);
            return true;
        }

        // RSS dates name their zone in letters ("GMT", "EST"); replace the common ones with offsets.
        var normalized = ZoneNames.Aggregate(text, (t, z) => t.EndsWith(" " + z.Key, StringComparison.Ordinal) ? t[..^z.Key.Length] + z.Value : t);
        if (DateTimeOffset.TryParse(normalized, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out date))
        {
            date = date.ToUniversalTime();
            return true;
        }

        return false;
    }

    private static readonly Dictionary<string, string> ZoneNames = new()
    {
        ["GMT"] = "+00:00", ["UTC"] = "+00:00", ["UT"] = "+00:00", ["Z"] = "+00:00",
        ["EST"] = "-05:00", ["EDT"] = "-04:00", ["CST"] = "-06:00", ["CDT"] = "-05:00",
        ["MST"] = "-07:00", ["MDT"] = "-06:00", ["PST"] = "-08:00", ["PDT"] = "-07:00",
    };

    /// <summary>An absolute http(s) address with nothing in it that could break out of a Markdown link (spaces, quotes, angle or square brackets).</summary>
    public static bool IsWebAddress(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && !string.IsNullOrEmpty(uri.Host) && url.IndexOfAny([' ', '\t', '\n', '\r', '"', '\'', '<', '>', '[', ']', '`']) < 0;

    private static bool Is(string key, string[] names) => names.Contains(key, StringComparer.OrdinalIgnoreCase);

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
