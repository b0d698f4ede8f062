using Microsoft.Bot.Schema;
using NewsBot.Core.Answering;
using Newtonsoft.Json.Linq;
using NewsBot.Core.Text;

namespace NewsBot.Rendering;

/// <summary>
/// The schema.org Message entity that Teams reads for its AI label and citation pop-ups (and other channels carry
/// along): one root entity, a Claim per citation whose position matches the [n] in the text.
/// </summary>
public static class CitationEntity
{
    public const string Type = "https://schema.org/Message";
    public const int MaxCitations = 20;
    public const int MaxName = 80;
    public const int MaxAbstract = 160;

    public static Entity For(IReadOnlyList<Citation> citations)
    {
        var claims = new JArray(citations.Take(MaxCitations).Select(c => new JObject
        {
            ["@type"] = "Claim",
            ["position"] = c.N,
            ["appearance"] = Appearance(c),
        }));
        var entity = new Entity(Type);
        entity.Properties["@type"] = "Message";
        entity.Properties["@context"] = "https://schema.org";
        entity.Properties["@id"] = "";
        entity.Properties["additionalType"] = new JArray("AIGeneratedContent");
        entity.Properties["citation"] = claims;
        return entity;
    }

    private static JObject Appearance(Citation citation)
    {
        var appearance = new JObject
        {
            ["@type"] = "DigitalDocument",
            ["name"] = Shorten(Addresses.Defang(citation.Title), MaxName),
            ["abstract"] = Shorten(Addresses.Defang(citation.Quote), MaxAbstract),
        };
        if (MarkdownSafety.Url(citation.Url) is { } url)
        {
            appearance["url"] = url;
        }

        var keywords = new[] { citation.Source, (citation.PublishedAt is { } published ? Dates.Short(published) : null), citation.AlsoReportedBy.Count > 0 ? "also " + string.Join(", ", citation.AlsoReportedBy) : null }
            .Where(k => !string.IsNullOrEmpty(k)).Select(k => Shorten(Addresses.Defang(k!), 28)).ToArray();
        if (keywords.Length > 0)
        {
            appearance["keywords"] = new JArray(keywords);
        }

        return appearance;
    }

    public static string Shorten(string text, int max) => text.Length <= max ? text : text[..(max - 1)].TrimEnd() + "…";
}
