using NewsBot.Core.Text;

namespace NewsBot.Core.Stories;

/// <summary>
/// Reports of one event from one or more outlets, grouped at ingest: its id, a title (its first report's headline),
/// its reports in date order (undated last), the outlets, the first and the last report.
/// </summary>
public sealed record Story(string Id, IReadOnlyList<StoryReport> Reports)
{
    public string Title => Reports.Count == 0 ? "" : Reports[0].Title;

    public IReadOnlyList<string> Outlets => Reports.Select(r => r.Source).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase).ToArray();

    public DateTimeOffset? FirstReport => Reports.Select(r => r.PublishedAt).Where(d => d is not null).Min();

    public DateTimeOffset? LastReport => Reports.Select(r => r.PublishedAt).Where(d => d is not null).Max();
}

public sealed record StoryReport(string ArticleId, string Title, string? Source, DateTimeOffset? PublishedAt, string? Url)
{
    public string Title { get; init => field = CitationMarkers.Neutralise(value); } = CitationMarkers.Neutralise(Title);
}
