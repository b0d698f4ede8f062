using NewsBot.Answering.Extractive;
using NewsBot.Answering.Questions;
using NewsBot.Answering.Retrieval;
using NewsBot.Core.Text;

namespace NewsBot.Answering.Comparison;

/// <summary>
/// "How did the outlets cover X?", "What does each outlet say about X?": one cited, dated line per outlet that
/// reported on X (its best-matching sentence), outlets that ran the same wire copy named with it, and a note when
/// their figures differ, so the reader sees them side by side.
/// </summary>
public sealed class OutletCoverage(ReportLines reports)
{
    private const int MaxOutlets = 6;

    public const string Heading = "How each outlet reported it:";

    /// <summary>A draft with [n] markers into the returned passages, or null when fewer than two outlets reported on it.</summary>
    public async Task<(string Draft, IReadOnlyList<NewsPassage> Passages)?> DraftAsync(QuestionIntent intent, CancellationToken cancellationToken)
    {
        var (ofStory, story) = await reports.OfOneStoryAsync(await reports.FindAsync(intent, cancellationToken), cancellationToken);
        var best = ofStory.Where(p => p.Source is not null)
            .GroupBy(p => p.Source!, StringComparer.OrdinalIgnoreCase).Select(g => g.First()).Take(MaxOutlets).ToArray();
        if (best.Length < 2)
        {
            return null;
        }

        var (lines, passages) = await reports.LayOutAsync(intent.Subject, best.OrderBy(p => p.PublishedAt ?? DateTimeOffset.MaxValue), p => $"{p.Source}, {ReportLines.Date(p.PublishedAt)}", story is not null, cancellationToken);
        if (lines.Count < 2)
        {
            return null;
        }

        var draft = new List<string> { Heading };
        draft.AddRange(lines.Select(l => l.Line));
        if (FiguresDiffer(lines.Select(l => l.Line)))
        {
            draft.Add("Their figures differ; each is shown as its outlet reported it.");
        }

        if (story is not null)
        {
            draft.Add(ReportLines.Summary(story));
        }

        return (string.Join('\n', draft), passages);
    }

    private static bool FiguresDiffer(IEnumerable<string> lines)
    {
        var byUnit = lines.Select(l => Figures.ByUnit(l[(l.IndexOf(": ", StringComparison.Ordinal) + 2)..])).SelectMany(f => f).GroupBy(f => f.Key);
        return byUnit.Any(unit => unit.Count() > 1 && unit.Select(u => string.Join(",", u.Value.Order(StringComparer.Ordinal))).Distinct(StringComparer.Ordinal).Count() > 1);
    }
}
