using System.Globalization;
using NewsBot.Answering.Drafting;
using NewsBot.Answering.Extractive;
using NewsBot.Answering.Questions;
using NewsBot.Answering.Retrieval;
using NewsBot.Core.Stories;
using NewsBot.Core.Text;

namespace NewsBot.Answering.Routes;

/// <summary>
/// "Tell me more about: &lt;headline&gt;": the rest of that article (its next sentences, in reading order, leaving out
/// what the reader was just shown), then the story's other reports, one cited line each; the buttons offered next
/// are the story's timeline and those reports, never the same article again. A headline NewsBot does not hold is
/// left to the fact route.
/// </summary>
public sealed class MoreOnStoryRoute(PassageRetriever retriever, IStoryLookup? stories = null) : IAnswerRoute
{
    private const int Candidates = 24;
    private const int MoreSentences = 3;
    private const int OtherReports = 4;

    public bool Handles(QuestionIntent intent) => intent.Kind == QuestionKind.MoreOnStory;

    public async Task<RouteResult?> AnswerAsync(QuestionIntent intent, Func<string, CancellationToken, Task>? onText, CancellationToken cancellationToken)
    {
        var headline = intent.Subject.Trim().Trim(':', '?', '.', '!', ' ');
        var found = await retriever.RetrieveAsync(intent, Candidates, cancellationToken);
        if (found.FirstOrDefault(p => SameHeadline(p.Title, headline)) is not { } first)
        {
            return null;
        }

        var article = found.Where(p => p.ArticleId == first.ArticleId).OrderBy(Position).ToArray();
        var shown = CitationMarkers.Strip(intent.Shown ?? "");
        var passages = new List<NewsPassage>();
        var lines = new List<string>();
        var more = article
            .SelectMany(p => ExtractiveAnswerer.SentencesOf(p).Select(s => (Passage: p, Sentence: s)))
            .Where(s => !shown.Contains(s.Sentence.TrimEnd('.', '!', '?', '"', '”'), StringComparison.Ordinal))
            .Take(MoreSentences)
            .ToArray();
        if (more.Length > 0)
        {
            lines.Add($"More from {first.Source ?? "the report"}, {Dates.Spoken(first.PublishedAt, "undated")}:");
            lines.Add(string.Join(' ', more.Select(s => ExtractiveAnswerer.Cite(s.Sentence, Index(passages, s.Passage)))));
        }

        var others = await OtherReportsAsync(first, found, cancellationToken);
        if (others.Count > 0)
        {
            lines.Add("Other reports of this story:");
            lines.AddRange(others.Select(p => $"- {p.Source ?? "Unknown outlet"}, {Dates.Spoken(p.PublishedAt, "undated")}: {ExtractiveAnswerer.Cite(ExtractiveAnswerer.SentencesOf(p)[0], Index(passages, p))}"));
        }

        if (lines.Count == 0)
        {
            return null;
        }

        IReadOnlyList<string> next = others.Count > 0
            ? [$"Timeline of {first.Title}", .. others.Take(2).Select(p => $"Tell me more about: {p.Title}")]
            : ["What happened this week?"];
        return RouteResult.Drafted(new Draft(string.Join('\n', lines), FromModel: false) { Composed = true }, passages) with { FollowUps = next };
    }

    /// <summary>The story's other reports among those found, one per article, oldest first.</summary>
    private async Task<IReadOnlyList<NewsPassage>> OtherReportsAsync(NewsPassage of, IReadOnlyList<NewsPassage> found, CancellationToken cancellationToken)
    {
        if (stories is null || !(await stories.StoriesOfAsync([of.ArticleId], cancellationToken)).TryGetValue(of.ArticleId, out var story))
        {
            return [];
        }

        var members = story.Reports.Select(r => r.ArticleId).Where(id => id != of.ArticleId).ToHashSet(StringComparer.Ordinal);
        return found.Where(p => members.Contains(p.ArticleId)).GroupBy(p => p.ArticleId, StringComparer.Ordinal)
            .Select(g => g.OrderBy(Position).First())
            .OrderBy(p => p.PublishedAt ?? DateTimeOffset.MaxValue)
            .Take(OtherReports)
            .ToArray();
    }

    private static int Index(List<NewsPassage> passages, NewsPassage passage)
    {
        var index = passages.FindIndex(p => p.PassageId == passage.PassageId);
        if (index >= 0)
        {
            return index;
        }

        passages.Add(passage);
        return passages.Count - 1;
    }

    private static int Position(NewsPassage passage) =>
        int.TryParse(passage.PassageId.AsSpan(passage.PassageId.LastIndexOf('#') + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;

    // The same words in the same order, whatever the punctuation and case.
    private static bool SameHeadline(string title, string headline) =>
        string.Equals(string.Concat(Words.Of(title)), string.Concat(Words.Of(headline)), StringComparison.OrdinalIgnoreCase);
}
