using System.ComponentModel.DataAnnotations;
using NewsBot.Core.Ingestion;

namespace NewsBot.Ingestion.Web;

/// <summary>The feeds NewsBot follows. Section <c>Feeds</c>: read on start and every <see cref="RefreshMinutes"/> by the bot, or by <c>ingest --feeds</c>.</summary>
public sealed class FeedOptions : IValidatableObject
{
    public const string SectionName = "Feeds";

    /// <summary>Addresses of RSS or Atom feeds (or single pages); their outlet is read from the feed.</summary>
    public List<string> Urls { get; set; } = [];

    /// <summary>Feeds with the outlet their stories are filed under, for feeds whose title does not name it well.</summary>
    public List<FeedSource> Sources { get; set; } = [];

    [Range(1, 1440)]
    public int RefreshMinutes { get; set; } = 15;

    /// <summary>Every address to read, once: <see cref="Urls"/>, then those of <see cref="Sources"/> not listed already (case and a trailing slash aside).</summary>
    public IReadOnlyList<string> AllUrls => Urls.Concat(Sources.Select(s => s.Url)).DistinctBy(Key, StringComparer.OrdinalIgnoreCase).ToArray();

    /// <summary>The outlet configured for a feed address, if any.</summary>
    public string? OutletFor(string url) =>
        Sources.FirstOrDefault(s => string.Equals(Key(s.Url), Key(url), StringComparison.OrdinalIgnoreCase) && !string.IsNullOrWhiteSpace(s.Outlet))?.Outlet;

    private static string Key(string url) => url.Trim().TrimEnd('/');

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        for (var i = 0; i < Urls.Count; i++)
        {
            if (!ArticleSources.IsWebAddress(Urls[i]))
            {
                yield return new ValidationResult($"Feeds:Urls:{i} '{Urls[i]}' is not an http(s) address of a feed.", [nameof(Urls)]);
            }
        }

        for (var i = 0; i < Sources.Count; i++)
        {
            if (!ArticleSources.IsWebAddress(Sources[i].Url))
            {
                yield return new ValidationResult($"Feeds:Sources:{i}:Url '{Sources[i].Url}' is not an http(s) address of a feed.", [nameof(Sources)]);
            }
        }
    }
}
