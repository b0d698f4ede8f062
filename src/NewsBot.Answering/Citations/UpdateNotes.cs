using NewsBot.Answering.Extractive;
using NewsBot.Core.Answering;
using NewsBot.Core.Storage;
using NewsBot.Core.Stories;
using NewsBot.Core.Text;

namespace NewsBot.Answering.Citations;

/// <summary>
/// For cited articles that were updated in place: when, and where a figure changed, both values with their dates
/// ("[2] was updated on 30 November 2026: first reported 12 injured (28 November), updated to 15 injured"). Built
/// from the stored versions, never from model text.
/// </summary>
public sealed class UpdateNotes(INewsStore store, IVersionHistory? stories = null)
{
    private const int MaxChanges = 3;

    public async Task<Answer> AddToAsync(Answer answer, CancellationToken cancellationToken)
    {
        if (stories is null || answer.Declined || answer.Citations.Count == 0)
        {
            return answer;
        }

        var history = await stories.HistoryOfAsync(answer.Citations.Select(c => c.ArticleId).Distinct(StringComparer.Ordinal).ToArray(), cancellationToken);
        if (history.Count == 0)
        {
            return answer;
        }

        var notes = new List<string>();
        foreach (var citation in answer.Citations.DistinctBy(c => c.ArticleId))
        {
            if (history.TryGetValue(citation.ArticleId, out var versions) && versions.Count > 0
                && await store.GetArticleAsync(citation.ArticleId, cancellationToken) is { } current)
            {
                notes.Add(Note(citation.N, versions, current.Body));
            }
        }

        return notes.Count == 0 ? answer : answer with { Text = answer.Text + "\n\n" + string.Join('\n', notes) };
    }

    private static string Note(int n, IReadOnlyList<ArticleVersion> versions, string currentBody)
    {
        var first = versions[0];
        var updated = versions[^1].ReplacedAt;
        var was = Figures.ByUnit(first.Body);
        var now = Figures.ByUnit(currentBody);
        var changes = was.Where(w => w.Value.Count == 1 && now.TryGetValue(w.Key, out var values) && values.Count == 1 && !values.SetEquals(w.Value))
            .Take(MaxChanges)
            .Select(w => $"first reported {w.Value.Single()} {w.Key}{(first.PublishedAt is { } at ? $" ({Day(at)})" : "")}, updated to {now[w.Key].Single()} {w.Key}")
            .ToArray();
        return $"[{n}] was updated on {Day(updated)} {updated.Year}" + (changes.Length == 0 ? "." : ": " + string.Join("; ", changes) + ".");
    }

    private static string Day(DateTimeOffset date) => Dates.DayAndMonth(date);
}
