namespace NewsBot.Core.Answering;

/// <summary>
/// What a channel sends on its own: an alert when new articles about a followed topic arrive, and a briefing of the
/// top stories since the last one. Channels ask this, never the store; every message is cited like an answer.
/// </summary>
public interface INewsAlerts
{
    /// <summary>The words a topic is matched by, or a reason it cannot be followed (no words that name a subject).</summary>
    TopicCheck CheckTopic(string topic);

    /// <summary>The position of the newest arrival: a new follower is alerted to what arrives after it.</summary>
    Task<long> LatestArrivalAsync(CancellationToken cancellationToken = default);

    /// <summary>New and updated articles about the topic that arrived after <paramref name="after"/>, as one cited alert (null when none), and how far the arrivals were read.</summary>
    Task<NewsAlert> AlertAsync(string topic, long after, CancellationToken cancellationToken = default);

    /// <summary>A cited digest of the top stories among the articles that arrived (were ingested) since <paramref name="since"/>.</summary>
    Task<Answer> BriefingAsync(DateTimeOffset since, CancellationToken cancellationToken = default);
}

/// <param name="Words">The topic's words, lower-cased, as articles are matched by them.</param>
/// <param name="Problem">Why the topic cannot be followed; null when it can.</param>
public sealed record TopicCheck(IReadOnlyList<string> Words, string? Problem);

/// <param name="Answer">The alert to send, or null when nothing new is about the topic.</param>
/// <param name="Through">The last arrival read: the next alert starts after it.</param>
/// <param name="Matched">How many new articles were about the topic.</param>
public sealed record NewsAlert(Answer? Answer, long Through, int Matched);
