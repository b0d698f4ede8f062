using System.ComponentModel.DataAnnotations;
using NewsBot.Core.Ingestion;

namespace NewsBot.Ingestion.Web;

/// <summary>The feeds NewsBot follows. Section <c>Feeds</c>: read on start and every <see cref="RefreshMinutes"/> by the bot, or by <c>ingest --feeds</c>.</summary>
public sealed class FeedOptions : IValidatableObject
{
    public const string SectionName = "Feeds";

    /// <summary>Addresses of RSS or Atom feeds (or single pages).</summary>
    public List<string> Urls { get; set; } = [];

    [Range(1, 1440)]
    public int RefreshMinutes { get; set; } = 15;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        for (var i = 0; i < Urls.Count; i++)
        {
            if (!ArticleSources.IsWebAddress(Urls[i]))
            {
                yield return new ValidationResult($"Feeds:Urls:{i} '{Urls[i]}' is not an http(s) address of a feed.", [nameof(Urls)]);
            }
        }
    }
}
