using NewsBot.Core.Text;

namespace NewsBot.Core.Stories;

/// <summary>What an article said before it was updated in place, and when NewsBot replaced it.</summary>
public sealed record ArticleVersion(string Title, string Body, DateTimeOffset? PublishedAt, DateTimeOffset ReplacedAt)
{
    public string Title { get; init => field = CitationMarkers.Neutralise(value); } = CitationMarkers.Neutralise(Title);

    public string Body { get; init => field = CitationMarkers.Neutralise(value); } = CitationMarkers.Neutralise(Body);
}
