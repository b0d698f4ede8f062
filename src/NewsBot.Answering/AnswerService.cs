using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel.Data;
using NewsBot.Answering.Citations;
using NewsBot.Answering.Comparison;
using NewsBot.Answering.Digest;
using NewsBot.Answering.Extractive;
using NewsBot.Answering.Generative;
using NewsBot.Answering.Questions;
using NewsBot.Answering.Retrieval;
using NewsBot.Answering.Verification;
using NewsBot.Core.Answering;
using NewsBot.Core.Search;
using NewsBot.Core.Storage;

namespace NewsBot.Answering;

/// <summary>
/// Question in, cited answer out: rewrite a follow-up, read dates and recency from the question, retrieve through
/// the kernel's news search, draft with the language model when one is configured (else extractively), and build
/// citations from the retrieved passages. A model that fails or times out gives way to the extractive answer.
/// </summary>
public sealed class AnswerService(
    IQuestionRewriter rewriter,
    QuestionAnalyzer analyzer,
    NewsTextSearch search,
    ExtractiveAnswerer extractive,
    INewsStore store,
    UnknownTopics unknownTopics,
    ReportComparison comparison,
    IOptions<AnsweringOptions> options,
    IOptions<ChatModelOptions> chatOptions,
    ILogger<AnswerService> logger,
    GenerativeAnswerer? generative = null) : INewsAnswerer
{
    private const int DigestArticles = 5;

    public const string ModelUnavailableNote = "The language model did not answer, so this answer quotes the sources directly.";

    public const string UnsupportedNote = "The language model's answer was not backed by the sources, so this answer quotes them directly.";

    public bool Streams => generative is not null;

    public async Task<Answer> AnswerAsync(AnswerRequest request, Func<string, CancellationToken, Task>? onText = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(request.Question);
        var question = await rewriter.RewriteAsync(request.Question, request.Turns, cancellationToken);
        var sources = await store.GetSourcesAsync(cancellationToken);
        var unknownOutlets = NamedOutlets.Unknown(question, sources);
        var withoutOutlets = WithoutOutletNames(question, sources);
        var intent = analyzer.Analyze(withoutOutlets);
        if (unknownOutlets.Count > 0)
        {
            return await DeclineAsync(question, intent, cancellationToken, unknownOutlets: unknownOutlets);
        }

        if (TopicWords.In(withoutOutlets).Count == 0)
        {
            return await DigestAsync(question, intent, OutletMatcher.Find(question, sources), cancellationToken);
        }

        var uncovered = await unknownTopics.FindAsync(withoutOutlets, cancellationToken);
        if (uncovered.Count > 0)
        {
            return await DeclineAsync(question, intent, cancellationToken, reason: $"I couldn't find anything about {string.Join(" or ", uncovered)} in the news I have. ");
        }

        IReadOnlyList<NewsPassage>? sidePassages = null;
        if (ReportComparison.Parts(question, sources) is { Count: >= 2 } parts)
        {
            // One retrieval per report compared. A model reads every side and gives its verdict first; without one
            // the sides are laid out, each cited and dated.
            var sides = await comparison.RetrieveAsync(parts, cancellationToken);
            if (generative is not null)
            {
                sidePassages = ReportComparison.Merge(sides);
            }
            else if (await comparison.DraftAsync(question, sides, cancellationToken) is { } compared
                && CitationBuilder.Build(compared.Draft, compared.Passages) is { Citations.Count: > 0 } built)
            {
                return Cited(question, built.Text, built.Citations);
            }
        }

        var names = NamedSubjects.In(withoutOutlets);
        var passages = sidePassages is { Count: > 0 } ? sidePassages : await RetrieveAsync(question, intent, cancellationToken);
        var (draft, note) = await DraftAsync(question, passages, intent, names, onText, cancellationToken);
        if (draft is null && intent.Period is not null && !intent.Relative)
        {
            // "in 2021" may date the events rather than the reporting: look again without the period.
            passages = await RetrieveAsync(question, intent.WithoutPeriod, cancellationToken);
            (draft, note) = await DraftAsync(question, passages, intent.WithoutPeriod, names, onText, cancellationToken);
        }

        if (draft is null)
        {
            return await DeclineAsync(question, intent, cancellationToken, await UnheardOfAsync(names, passages, cancellationToken));
        }

        if (!AskedFact.IsAnswered(question, SupportCheck.Sentences(draft)))
        {
            return NotSaid(question, draft, passages) ?? await DeclineAsync(question, intent, cancellationToken);
        }

        var (text, citations) = CitationBuilder.Build(draft, passages);
        if (citations.Count == 0)
        {
            return await DeclineAsync(question, intent, cancellationToken);
        }

        return Cited(question, text, citations, note);
    }

    /// <summary>
    /// The news covers the question's subject but not the fact it asks for (a figure, a date): say so plainly, and
    /// what the news does say about it, cited. Declined, so no channel presents it as an answer.
    /// </summary>
    private static Answer? NotSaid(string question, string draft, IReadOnlyList<NewsPassage> passages)
    {
        var said = SupportCheck.Sentences(draft).FirstOrDefault(s => s.Contains('[', StringComparison.Ordinal) && !s.StartsWith("Reports differ", StringComparison.Ordinal));
        if (said is null)
        {
            return null;
        }

        var (text, citations) = CitationBuilder.Build($"None of the news I have says {AskedFact.Asked(question)}. What it does say: {said.TrimStart('-', ' ')}", passages);
        return citations.Count == 0 ? null : new Answer(text, citations, true, question, null, citations.Max(c => c.PublishedAt));
    }

    /// <summary>An answer that ends with "As of" the newest cited date.</summary>
    private static Answer Cited(string question, string text, IReadOnlyList<Citation> citations, string? note = null)
    {
        var asOf = citations.Max(c => c.PublishedAt);
        return new Answer(asOf is null ? text : $"{text}\n\nAs of {Date(asOf.Value)}.", citations, false, question, note, asOf);
    }

    /// <summary>"What happened yesterday?", "What's new from Northern Wire?": the newest stories of that period and outlet.</summary>
    private async Task<Answer> DigestAsync(string question, QuestionIntent intent, IReadOnlyList<string> outlets, CancellationToken cancellationToken)
    {
        var filter = new SearchFilter { Sources = outlets, From = intent.From, To = intent.To };
        var articles = await store.GetLatestArticlesAsync(DigestArticles, filter, cancellationToken);
        var from = outlets.Count > 0 ? $" from {string.Join(" and ", outlets)}" : "";
        var period = intent.Period is null ? "" : $" ({intent.Period})";
        if (articles.Count == 0)
        {
            return await DeclineAsync(question, intent, cancellationToken, reason: $"I don't have any articles{from}{(intent.Period is null ? "" : " from " + intent.Period)}. ");
        }

        var (draft, passages) = NewsDigest.Compose($"The latest{from}{period}:", articles);
        var (text, citations) = CitationBuilder.Build(draft, passages);
        return Cited(question, text, citations);
    }

    /// <summary>The language model's draft when one is configured and answers with citations; otherwise the extractive one, with a note if the model failed.</summary>
    private async Task<(string? Draft, string? Note)> DraftAsync(
        string question, IReadOnlyList<NewsPassage> passages, QuestionIntent intent, IReadOnlyList<NamedSubject> names,
        Func<string, CancellationToken, Task>? onText, CancellationToken cancellationToken)
    {
        if (passages.Count == 0 || (await UnheardOfAsync(names, passages, cancellationToken)).Count > 0)
        {
            // The question names only things no stored article mentions: these passages are about something else.
            return (null, null);
        }

        if (generative is not null)
        {
            var (generated, failed) = await GenerateAsync(question, passages, onText, cancellationToken);
            if (failed || generated is null)
            {
                return failed ? (await extractive.DraftAsync(question, passages, intent.WantsLatest, cancellationToken), ModelUnavailableNote) : (null, null);
            }

            // Every sentence the model wrote must be backed by the passages it cites; the rest is dropped.
            var supported = SupportCheck.Keep(generated, passages, question);
            if (supported.Dropped > 0)
            {
                logger.LogInformation("Dropped {Count} sentences of the model's answer that their citations do not support", supported.Dropped);
            }

            if (supported.Kept > 0 && CitationBuilder.Build(supported.Text, passages).Citations.Count > 0)
            {
                return (supported.Text, null);
            }

            logger.LogWarning("No sentence of the language model's answer was supported by a retrieved passage; answering from the sources instead");
            return (await extractive.DraftAsync(question, passages, intent.WantsLatest, cancellationToken), UnsupportedNote);
        }

        return (await extractive.DraftAsync(question, passages, intent.WantsLatest, cancellationToken), null);
    }

    /// <summary>
    /// The question's names when neither the retrieved passages nor any stored passage mentions any of them (every
    /// identifying word of a name in one passage); otherwise none. A name the store knows is left to retrieval, which
    /// may simply not have ranked it high. The store is asked only when the retrieved passages miss every name.
    /// </summary>
    private async Task<IReadOnlyList<NamedSubject>> UnheardOfAsync(IReadOnlyList<NamedSubject> names, IReadOnlyList<NewsPassage> passages, CancellationToken cancellationToken)
    {
        if (!NamedSubjects.NoneMentioned(names, passages.Select(p => p.Text)))
        {
            return [];
        }

        var unheardOf = new List<NamedSubject>();
        foreach (var name in names)
        {
            var hits = await store.KeywordSearchAsync(name.Words, SearchFilter.None, 20, cancellationToken);
            if (!hits.Any(hit => NamedSubjects.Mentions(hit.Title + " " + hit.Text, name)))
            {
                unheardOf.Add(name);
            }
        }

        // Declining needs every name to be unknown; one known name means the question may be answerable.
        return unheardOf.Count == names.Count ? unheardOf : [];
    }

    /// <summary>The question without the outlet names the store holds, so "Business Today" is not read as a date.</summary>
    private static string WithoutOutletNames(string question, IEnumerable<string> sources) =>
        sources.OrderByDescending(s => s.Length).Aggregate(question, (q, s) => q.Replace(s, " ", StringComparison.Ordinal));

    private async Task<(string? Draft, bool Failed)> GenerateAsync(string question, IReadOnlyList<NewsPassage> passages, Func<string, CancellationToken, Task>? onText, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(chatOptions.Value.TimeoutSeconds));
        try
        {
            return (await generative!.DraftAsync(question, passages, onText, timeout.Token), false);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(ex, "The language model failed; answering from the sources instead");
            return (null, true);
        }
    }

    private async Task<IReadOnlyList<NewsPassage>> RetrieveAsync(string question, QuestionIntent intent, CancellationToken cancellationToken)
    {
        var count = options.Value.Passages;
        var searchOptions = new TextSearchOptions<NewsPassage>
        {
            Top = intent.WantsLatest ? count * 3 : count,
            Filter = NewsTextSearch.Filter([], intent.From, intent.To),
        };
        var passages = await search.FindAsync(question, searchOptions, cancellationToken);
        if (!intent.WantsLatest || passages.Count == 0)
        {
            return passages;
        }

        // "Latest": among the passages that match well, the newest come first.
        var bar = passages[0].Score * 0.5;
        return passages.Where(p => p.Score >= bar).OrderByDescending(p => p.PublishedAt ?? DateTimeOffset.MinValue)
            .Concat(passages.Where(p => p.Score < bar))
            .Take(count)
            .ToArray();
    }

    private async Task<Answer> DeclineAsync(
        string question, QuestionIntent intent, CancellationToken cancellationToken,
        IReadOnlyList<NamedSubject>? missingNames = null, IReadOnlyList<string>? unknownOutlets = null, string? reason = null)
    {
        var stats = await store.GetStatsAsync(cancellationToken);
        var period = intent.Period is null ? "" : $" from {intent.Period}";
        var subject = missingNames is { Count: > 0 } ? string.Join(" or ", missingNames.Select(n => n.Text)) : "that";
        reason ??= unknownOutlets is { Count: > 0 }
            ? $"I don't have any articles from {string.Join(" or ", unknownOutlets)}, so I can't say what they reported. "
            : $"I couldn't find anything about {subject} in the news I have{period}. ";
        var text = stats.Articles == 0
            ? "I don't have any news stored yet, so I can't answer that."
            : reason + (stats.Newest is { } newest ? $"My newest article is from {Date(newest)}." : "");
        return new Answer(text.Trim(), [], true, question, null, stats.Newest);
    }

    private static string Date(DateTimeOffset date) => date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
}
