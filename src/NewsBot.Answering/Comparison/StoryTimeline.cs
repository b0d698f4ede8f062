using System.Text.RegularExpressions;
using NewsBot.Answering.Questions;
using NewsBot.Answering.Retrieval;

namespace NewsBot.Answering.Comparison;

/// <summary>
/// "How has the X story developed?", "timeline of X": the story's reports in date order, one line each (date, outlet,
/// its best-matching sentence), cited; wire copies appear once.
/// </summary>
public sealed partial class StoryTimeline(ReportLines reports)
{
    private const int MaxReports = 8;

    public const string Heading = "How the story developed, report by report:";

    public static bool IsAsked(string question) => Asked().IsMatch(question);

    /// <summary>A draft with [n] markers into the returned passages, or null when fewer than two reports tell the story.</summary>
    public async Task<(string Draft, IReadOnlyList<NewsPassage> Passages)?> DraftAsync(QuestionIntent intent, CancellationToken cancellationToken)
    {
        var (ofStory, story) = await reports.OfOneStoryAsync(await reports.FindAsync(intent, cancellationToken), cancellationToken);
        var found = ofStory.GroupBy(p => p.ArticleId, StringComparer.Ordinal).Select(g => g.First()).Take(MaxReports).ToArray();
        if (found.Length < 2)
        {
            return null;
        }

        var (lines, passages) = await reports.LayOutAsync(TimelineQuestion().Replace(intent.Question, " "), found.OrderBy(p => p.PublishedAt ?? DateTimeOffset.MaxValue), p => $"{ReportLines.Date(p.PublishedAt)}, {p.Source ?? "unknown outlet"}", cancellationToken);
        var footer = story is null ? "" : "\n" + ReportLines.Summary(story);
        return lines.Count < 2 ? null : (Heading + "\n" + string.Join('\n', lines.Select(l => l.Line)) + footer, passages);
    }

    // The framing words, removed to leave what the story is about.
    [GeneratedRegex(@"\b(?:timeline|chronology)(?:\s+of)?\b|\bhow\s+(?:has|have|did)\b|\b(?:story\s+)?(?:developed|unfolded|evolved|progressed|changed)\b|\bwhat\s+happened\s+(?:so\s+far|since)\b", RegexOptions.IgnoreCase)]
    private static partial Regex TimelineQuestion();

    [GeneratedRegex(@"\b(?:timeline|chronology)\b|\bhow\s+(?:has|have|did)\b.+\b(?:developed|unfolded|evolved|progressed|changed)\b|\bwhat\s+happened\s+(?:so\s+far|since)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Asked();
}
