using Microsoft.Bot.Schema;

namespace NewsBot.Alerts;

/// <summary>A conversation following a topic: where to send (the stored reference), and how far its alerts have read.</summary>
public sealed record Subscription(string Conversation, string Topic, ConversationReference Reference, long SeenSequence, DateTimeOffset? LastAlertAt);

/// <summary>A conversation's daily briefing: its local time, time zone, when it is due next and when it was last sent.</summary>
public sealed record Briefing(string Conversation, ConversationReference Reference, string LocalTime, string TimeZone, DateTimeOffset NextDueAt, DateTimeOffset? LastSentAt);
