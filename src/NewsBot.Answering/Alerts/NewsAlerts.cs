using System.Globalization;
using NewsBot.Answering.Citations;
using NewsBot.Answering.Digest;
using NewsBot.Core.Answering;
using NewsBot.Core.Articles;
using NewsBot.Core.Storage;
using NewsBot.Core.Stories;

namespace NewsBot.Answering.Alerts;

/// <summary>
/// Alerts and briefings from what arrived in the store. An alert lists the new articles about a topic (copies of one
/// text once, updates marked), newest first, each with its lead and a citation; a briefing lists the stories
/// that arrived since the last one that the most reports are about, one line per story.
/// </summary>
public sealed class NewsAlerts(INewsStore store, IArrivalLog arrivalLog, ICopyIndex copyIndex, IStoryLookup stories) : INewsAlerts
{
    public const int MaxItems = 5;

    private const int ArrivalsRead = 500;
    private const int BriefingCandidates = 60;

    public TopicCheck CheckTopic(string topic)
    {
        var words = TopicMatch.Words(topic);
        return words.Count == 0
            ? new TopicCheck(words, "Tell me what to follow, in a few words that name it: for example **follow tram strike** or **follow Port Alder**.")
            : new TopicCheck(words, null);
    }

    public Task<long> LatestArrivalAsync(CancellationToken cancellationToken = default) => arrivalLog.LastArrivalAsync(cancellationToken);

    public async Task<NewsAlert> AlertAsync(string topic, long after, CancellationToken cancellationToken = default)
    {
        var words = TopicMatch.Words(topic);
        var arrivals = await arrivalLog.ArrivalsAfterAsync(after, ArrivalsRead, cancellationToken);
        if (arrivals.Count == 0)
        {
            return new NewsAlert(null, after, 0);
        }

        var matched = new List<(Article Article, bool Updated)>();
        foreach (var arrival in arrivals.DistinctBy(a => a.ArticleId).Reverse())
        {
            if (await store.GetArticleAsync(arrival.ArticleId, cancellationToken) is { } article && TopicMatch.IsAbout(article, words))
            {
                matched.Add((article, arrival.Updated));
            }
        }

        var through = arrivals[^1].Sequence;
        if (matched.Count == 0)
        {
            return new NewsAlert(null, through, 0);
        }

        var distinct = (await OneCopyEach.KeepAsync(matched, m => m.Article.Id, m => m.Article.Source, copyIndex, cancellationToken))
            .OrderByDescending(m => m.Item.Article.PublishedAt ?? DateTimeOffset.MinValue)
            .ToArray();
        var shown = distinct.Take(MaxItems)
            .Select(m => (m.Item.Updated ? m.Item.Article with { Title = m.Item.Article.Title + " (updated)" } : m.Item.Article, m.AlsoReportedBy))
            .ToArray();
        var heading = distinct.Length == 1 ? $"New on **{topic}**:" : $"{distinct.Length} new reports on **{topic}**:";
        var (draft, passages) = NewsDigest.Compose(heading, shown);
        if (distinct.Length > shown.Length)
        {
            draft += $"\n\n…and {distinct.Length - shown.Length} more. Ask me about {topic} for the rest.";
        }

        var (text, citations) = CitationBuilder.Build(draft, passages);
        return new NewsAlert(AnswerText.Cited($"follow {topic}", text, citations), through, distinct.Length);
    }

    public async Task<Answer> BriefingAsync(DateTimeOffset since, CancellationToken cancellationToken = default)
    {
        var question = "briefing";

        // What arrived since (ingest order), not what is dated since: an article read late still makes the briefing.
        var arrivals = await arrivalLog.ArrivalsSinceAsync(since, BriefingCandidates, cancellationToken);
        var articles = new List<Article>();
        foreach (var arrival in arrivals.DistinctBy(a => a.ArticleId).Reverse())
        {
            if (await store.GetArticleAsync(arrival.ArticleId, cancellationToken) is { } article)
            {
                articles.Add(article);
            }
        }

        var sinceText = since.ToString("d MMMM HH:mm 'UTC'", CultureInfo.InvariantCulture);
        if (articles.Count == 0)
        {
            return new Answer($"Your briefing: no new stories since {sinceText}.", [], false, question);
        }

        var byStory = await stories.StoriesOfAsync(articles.Select(a => a.Id).ToArray(), cancellationToken);
        var top = articles
            .GroupBy(a => byStory.TryGetValue(a.Id, out var story) ? story.Id : a.Id)
            .Select(g => (Lead: g.MaxBy(a => a.PublishedAt ?? DateTimeOffset.MinValue)!, Reports: g.Count()))
            .OrderByDescending(s => s.Reports)
            .ThenByDescending(s => s.Lead.PublishedAt ?? DateTimeOffset.MinValue)
            .Take(MaxItems)
            .Select(s => s.Lead)
            .ToArray();
        var (draft, passages) = NewsDigest.Compose($"Your briefing: the top stories since {sinceText}:", top.Select(a => (a, (IReadOnlyList<string>)[])).ToArray());
        var (text, citations) = CitationBuilder.Build(draft, passages);
        return AnswerText.Cited(question, text, citations);
    }
}
