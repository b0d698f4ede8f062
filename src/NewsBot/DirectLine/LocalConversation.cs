using System.Globalization;
using Microsoft.Bot.Schema;

namespace NewsBot.DirectLine;

/// <summary>One conversation of the local Direct Line endpoint: its activities in order, numbered by watermark.</summary>
public sealed class LocalConversation(string id, string token, string userId)
{
    private readonly List<Activity> _activities = [];
    private readonly Lock _lock = new();

    public string Id { get; } = id;

    public string Token { get; } = token;

    public string UserId { get; } = userId;

    /// <summary>Turns of one conversation run one at a time, so replies keep the order of the questions.</summary>
    public SemaphoreSlim Turn { get; } = new(1, 1);

    public string Append(Activity activity)
    {
        lock (_lock)
        {
            activity.Id = $"{Id}|{_activities.Count.ToString("D7", CultureInfo.InvariantCulture)}";
            activity.Timestamp ??= DateTimeOffset.UtcNow;
            activity.Conversation = new ConversationAccount(id: Id);
            _activities.Add(activity);
            return activity.Id;
        }
    }

    /// <summary>The activities after the watermark, and the new watermark.</summary>
    public (IReadOnlyList<Activity> Activities, int Watermark) Since(int watermark)
    {
        lock (_lock)
        {
            var from = Math.Clamp(watermark, 0, _activities.Count);
            return (_activities.Skip(from).ToArray(), _activities.Count);
        }
    }
}
