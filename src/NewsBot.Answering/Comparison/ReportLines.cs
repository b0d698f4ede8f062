using Microsoft.Extensions.Options;
using NewsBot.Answering.Extractive;
using NewsBot.Answering.Questions;
using NewsBot.Answering.Retrieval;
using NewsBot.Answering.Embeddings;
using NewsBot.Core.Stories;
using NewsBot.Core.Text;

namespace NewsBot.Answering.Comparison;

/// <summary>
/// Reports laid out one per line, each its best-matching sentence, cited and dated: the shape of "how did each outlet
/// cover X" and "how has X developed". Reports count when they match at least a quarter as well as the best (fused
/// scores), so a story's later, shorter reports are not lost to its first, and when their best sentence is as
/// relevant to the subject as an answer's must be (<see cref="AnsweringOptions.MinRelevance"/>).
/// </summary>
public sealed class ReportLines(PassageRetriever retriever, ExtractiveAnswerer extractive, RememberedEmbeddings embeddings, IOptions<AnsweringOptions> options, IStoryLookup? stories = null)
{
    private const int Passages = 24;

    /// <summary>The matching passages, best first.</summary>
    public async Task<IReadOnlyList<NewsPassage>> FindAsync(QuestionIntent intent, CancellationToken cancellationToken)
    {
        var found = await retriever.RetrieveAsync(intent, Passages, cancellationToken);
        return found.Count == 0 ? found : found.Where(p => p.Score >= found[0].Score * 0.25).ToArray();
    }

    /// <summary>
    /// The found reports of the best match's story, and that story, when stories are recorded and at least two of
    /// its reports were found; otherwise all that was found, and no story.
    /// </summary>
    public async Task<(IReadOnlyList<NewsPassage> Reports, Story? Story)> OfOneStoryAsync(IReadOnlyList<NewsPassage> found, CancellationToken cancellationToken)
    {
        if (stories is null || found.Count == 0)
        {
            return (found, null);
        }

        var byArticle = await stories.StoriesOfAsync(found.Select(p => p.ArticleId).Distinct(StringComparer.Ordinal).ToArray(), cancellationToken);
        if (!byArticle.TryGetValue(found[0].ArticleId, out var story))
        {
            return (found, null);
        }

        var members = story.Reports.Select(r => r.ArticleId).ToHashSet(StringComparer.Ordinal);
        var same = found.Where(p => members.Contains(p.ArticleId)).ToArray();
        return same.Select(p => p.ArticleId).Distinct(StringComparer.Ordinal).Count() >= 2 ? (same, story) : (found, null);
    }

    /// <summary>The story in one line: how many reports, from which outlets, first and latest.</summary>
    public static string Summary(Story story)
    {
        var span = story.FirstReport is { } first && story.LastReport is { } last
            ? first.Date == last.Date ? $", all on {Date(first)}" : $", first on {Date(first)}, latest on {Date(last)}"
            : "";
        return $"This story: {story.Reports.Count} reports from {string.Join(", ", story.Outlets)}{span}.";
    }

    /// <summary>One line per report, in the order given, with [n] markers into the returned passages.</summary>
    /// <param name="subject">The question without its framing ("how did the outlets cover"): what each sentence must be about.</param>
    /// <param name="ofOneStory">The reports are one recorded story's: each is about the subject by that alone. Otherwise a report's sentence must be (<see cref="SentenceCandidate.IsAbout"/>).</param>
    public async Task<(IReadOnlyList<(NewsPassage Passage, string Line)> Lines, IReadOnlyList<NewsPassage> Passages)> LayOutAsync(
        string subject, IEnumerable<NewsPassage> reports, Func<NewsPassage, string> label, bool ofOneStory, CancellationToken cancellationToken)
    {
        var vector = await embeddings.EmbedQueryAsync(subject, cancellationToken);
        var terms = ExtractiveAnswerer.SubjectTerms(subject);
        var passages = new List<NewsPassage>();
        var lines = new List<(NewsPassage, string)>();
        foreach (var passage in reports)
        {
            if ((await extractive.ScoreAsync(subject, vector, [passage], cancellationToken)).FirstOrDefault() is { } sentence
                && sentence.Score >= options.Value.MinRelevance && (ofOneStory || sentence.IsAbout(terms)))
            {
                passages.Add(passage);
                lines.Add((passage, $"- {label(passage)}: {ExtractiveAnswerer.Cite(sentence.Text, passages.Count - 1)}"));
            }
        }

        return (lines, passages);
    }

    public static string Date(DateTimeOffset? date) => Dates.Spoken(date, "undated");
}
