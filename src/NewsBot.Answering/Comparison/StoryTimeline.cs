using NewsBot.Answering.Questions;
using NewsBot.Answering.Retrieval;

namespace NewsBot.Answering.Comparison;

/// <summary>
/// "How has the X story developed?", "timeline of X": the story's reports in date order, one line each (date, outlet,
/// its best-matching sentence), cited; wire copies appear once.
/// </summary>
public sealed class StoryTimeline(ReportLines reports)
{
    private const int MaxReports = 8;

    public const string Heading = "How the story developed, report by report:";

    /// <summary>A draft with [n] markers into the returned passages, or null when fewer than two reports tell the story.</summary>
    public async Task<(string Draft, IReadOnlyList<NewsPassage> Passages)?> DraftAsync(QuestionIntent intent, CancellationToken cancellationToken)
    {
        var (ofStory, story) = await reports.OfOneStoryAsync(await reports.FindAsync(intent, cancellationToken), cancellationToken);
        var found = ofStory.GroupBy(p => p.ArticleId, StringComparer.Ordinal).Select(g => g.First()).Take(MaxReports).ToArray();
        if (found.Length < 2)
        {
            return null;
        }

        var (lines, passages) = await reports.LayOutAsync(intent.Subject, found.OrderBy(p => p.PublishedAt ?? DateTimeOffset.MaxValue), p => $"{ReportLines.Date(p.PublishedAt)}, {p.Source ?? "unknown outlet"}", story is not null, cancellationToken);
        var footer = story is null ? "" : "\n" + ReportLines.Summary(story);
        return lines.Count < 2 ? null : (Heading + "\n" + string.Join('\n', lines.Select(l => l.Line)) + footer, passages);
    }
}
