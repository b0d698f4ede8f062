using Microsoft.Bot.Schema;
using Microsoft.Data.Sqlite;
using NewsBot.SideData;
using Newtonsoft.Json;

namespace NewsBot.Alerts;

/// <summary>
/// Followed topics and daily briefings, in the bot's SQLite state file, so they survive restarts. Several bot
/// instances sharing the file never send one alert twice: an instance claims a send by moving the subscription's
/// position (or a briefing's due time) from the value it read, and only the instance whose update changed a row sends.
/// </summary>
public sealed class SubscriptionStore
{
    private readonly SqliteDatabase _database;

    public SubscriptionStore(string path)
    {
        _database = new SqliteDatabase(path, """
            PRAGMA journal_mode = WAL;
            CREATE TABLE IF NOT EXISTS follows (
                conversation TEXT NOT NULL, topic_key TEXT NOT NULL, topic TEXT NOT NULL, reference TEXT NOT NULL,
                seen_sequence INTEGER NOT NULL, last_alert_at INTEGER, created_at INTEGER NOT NULL,
                PRIMARY KEY (conversation, topic_key));
            CREATE TABLE IF NOT EXISTS briefings (
                conversation TEXT PRIMARY KEY, reference TEXT NOT NULL, local_time TEXT NOT NULL, time_zone TEXT NOT NULL,
                next_due_at INTEGER NOT NULL, last_sent_at INTEGER);
            """);
    }

    /// <summary>The key a conversation's subscriptions are kept under: the channel and its conversation id.</summary>
    public static string ConversationKey(ConversationReference reference) => $"{reference.ChannelId}|{reference.Conversation?.Id}";

    public static string TopicKey(string topic) => string.Join(' ', topic.ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>
    /// Follows the topic from <paramref name="seen"/> on, unless the conversation follows <paramref name="maxTopics"/>
    /// already: the count and the insert are one statement, so concurrent follows cannot pass the cap. A topic
    /// followed already has its address refreshed.
    /// </summary>
    public async Task<FollowResult> FollowAsync(ConversationReference reference, string topic, long seen, DateTimeOffset now, int maxTopics, CancellationToken cancellationToken)
    {
        var (conversation, key, json) = (ConversationKey(reference), TopicKey(topic), JsonConvert.SerializeObject(reference));
        if (await _database.ReturnsRowAsync("""
            INSERT INTO follows (conversation, topic_key, topic, reference, seen_sequence, created_at)
            SELECT $conversation, $key, $topic, $reference, $seen, $now
            WHERE (SELECT COUNT(*) FROM follows WHERE conversation = $conversation) < $max
            ON CONFLICT (conversation, topic_key) DO NOTHING RETURNING 1
            """, cancellationToken, ("$conversation", conversation), ("$key", key), ("$topic", topic.Trim()),
            ("$reference", json), ("$seen", seen), ("$now", now.ToUnixTimeMilliseconds()), ("$max", maxTopics)))
        {
            return FollowResult.Added;
        }

        return await _database.ReturnsRowAsync("UPDATE follows SET reference = $reference WHERE conversation = $conversation AND topic_key = $key RETURNING 1", cancellationToken,
            ("$conversation", conversation), ("$key", key), ("$reference", json))
            ? FollowResult.Known
            : FollowResult.Full;
    }

    public async Task<bool> UnfollowAsync(string conversation, string topic, CancellationToken cancellationToken) =>
        await _database.ReturnsRowAsync("DELETE FROM follows WHERE conversation = $conversation AND topic_key = $key RETURNING 1", cancellationToken, ("$conversation", conversation), ("$key", TopicKey(topic)));

    public async Task<IReadOnlyList<string>> TopicsAsync(string conversation, CancellationToken cancellationToken)
    {
        var topics = new List<string>();
        await _database.QueryAsync("SELECT topic FROM follows WHERE conversation = $conversation ORDER BY created_at", r => topics.Add(r.GetString(0)), cancellationToken, ("$conversation", conversation));
        return topics;
    }

    public async Task<IReadOnlyList<Subscription>> SubscriptionsAsync(CancellationToken cancellationToken)
    {
        var subscriptions = new List<Subscription>();
        await _database.QueryAsync("SELECT conversation, topic, reference, seen_sequence, last_alert_at FROM follows ORDER BY conversation, created_at", r => subscriptions.Add(new Subscription(
            r.GetString(0), r.GetString(1), JsonConvert.DeserializeObject<ConversationReference>(r.GetString(2))!, r.GetInt64(3), Time(r, 4))), cancellationToken);
        return subscriptions;
    }

    /// <summary>Moves the subscription's position to <paramref name="through"/> (and its last alert time, when one is sent); false when another instance moved it first.</summary>
    public async Task<bool> ClaimAlertAsync(Subscription subscription, long through, DateTimeOffset? sentAt, CancellationToken cancellationToken) =>
        await _database.ReturnsRowAsync("""
            UPDATE follows SET seen_sequence = $through, last_alert_at = COALESCE($at, last_alert_at)
            WHERE conversation = $conversation AND topic_key = $key AND seen_sequence = $seen RETURNING 1
            """, cancellationToken, ("$conversation", subscription.Conversation), ("$key", TopicKey(subscription.Topic)),
            ("$seen", subscription.SeenSequence), ("$through", through), ("$at", sentAt?.ToUnixTimeMilliseconds()));

    /// <summary>Puts a claimed alert back, for the next round to send, after a failure that may pass.</summary>
    public async Task ReleaseAlertAsync(Subscription subscription, long through, CancellationToken cancellationToken) =>
        await _database.ReturnsRowAsync("""
            UPDATE follows SET seen_sequence = $seen, last_alert_at = $last
            WHERE conversation = $conversation AND topic_key = $key AND seen_sequence = $through RETURNING 1
            """, cancellationToken, ("$conversation", subscription.Conversation), ("$key", TopicKey(subscription.Topic)),
            ("$seen", subscription.SeenSequence), ("$through", through), ("$last", subscription.LastAlertAt?.ToUnixTimeMilliseconds()));

    public async Task SetBriefingAsync(Briefing briefing, CancellationToken cancellationToken) =>
        await _database.ReturnsRowAsync("""
            INSERT INTO briefings (conversation, reference, local_time, time_zone, next_due_at, last_sent_at)
            VALUES ($conversation, $reference, $time, $zone, $due, $last)
            ON CONFLICT (conversation) DO UPDATE SET reference = excluded.reference, local_time = excluded.local_time,
                time_zone = excluded.time_zone, next_due_at = excluded.next_due_at
            RETURNING 1
            """, cancellationToken, ("$conversation", briefing.Conversation), ("$reference", JsonConvert.SerializeObject(briefing.Reference)),
            ("$time", briefing.LocalTime), ("$zone", briefing.TimeZone), ("$due", briefing.NextDueAt.ToUnixTimeMilliseconds()), ("$last", briefing.LastSentAt?.ToUnixTimeMilliseconds()));

    public async Task<bool> BriefingOffAsync(string conversation, CancellationToken cancellationToken) =>
        await _database.ReturnsRowAsync("DELETE FROM briefings WHERE conversation = $conversation RETURNING 1", cancellationToken, ("$conversation", conversation));

    public async Task<Briefing?> BriefingOfAsync(string conversation, CancellationToken cancellationToken) =>
        (await BriefingsAsync("WHERE conversation = $conversation", cancellationToken, ("$conversation", conversation))).FirstOrDefault();

    public Task<IReadOnlyList<Briefing>> DueBriefingsAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        BriefingsAsync("WHERE next_due_at <= $now ORDER BY next_due_at", cancellationToken, ("$now", now.ToUnixTimeMilliseconds()));

    /// <summary>Moves a due briefing to its next time and records it as sent now; false when another instance did first.</summary>
    public async Task<bool> ClaimBriefingAsync(Briefing briefing, DateTimeOffset nextDue, DateTimeOffset now, CancellationToken cancellationToken) =>
        await _database.ReturnsRowAsync("""
            UPDATE briefings SET next_due_at = $next, last_sent_at = $now
            WHERE conversation = $conversation AND next_due_at = $due RETURNING 1
            """, cancellationToken, ("$conversation", briefing.Conversation), ("$due", briefing.NextDueAt.ToUnixTimeMilliseconds()),
            ("$next", nextDue.ToUnixTimeMilliseconds()), ("$now", now.ToUnixTimeMilliseconds()));

    /// <summary>Forgets everything a conversation followed or scheduled: it was removed, or its channel refuses messages.</summary>
    public Task<int> RemoveConversationAsync(string conversation, CancellationToken cancellationToken) =>
        _database.ExecuteAsync("DELETE FROM follows WHERE conversation = $c; DELETE FROM briefings WHERE conversation = $c;", cancellationToken, ("$c", conversation));

    private async Task<IReadOnlyList<Briefing>> BriefingsAsync(string where, CancellationToken cancellationToken, params (string, object?)[] parameters)
    {
        var briefings = new List<Briefing>();
        await _database.QueryAsync($"SELECT conversation, reference, local_time, time_zone, next_due_at, last_sent_at FROM briefings {where}", r => briefings.Add(new Briefing(
            r.GetString(0), JsonConvert.DeserializeObject<ConversationReference>(r.GetString(1))!, r.GetString(2), r.GetString(3),
            DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(4)), Time(r, 5))), cancellationToken, parameters);
        return briefings;
    }

    private static DateTimeOffset? Time(SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(ordinal));
}

/// <summary>What a follow did: added the topic, found it followed already, or found the conversation at its cap.</summary>
public enum FollowResult
{
    Added,
    Known,
    Full,
}
