using System.Globalization;
using Microsoft.Bot.Schema;

namespace NewsBot.DirectLine;

/// <summary>
/// One conversation of the local Direct Line endpoint: its latest activities in order, numbered by watermark. Only
/// the last <c>maxActivities</c> are kept; watermarks keep counting, so a poll never sees one twice.
/// </summary>
public sealed class LocalConversation(string id, string token, string userId, int maxActivities, DateTimeOffset now)
{
    private readonly Queue<Activity> _activities = new();
    private readonly Lock _lock = new();
    private int _dropped;

    public string Id { get; } = id;

    public string Token { get; set; } = token;

    public string UserId { get; } = userId;

    public DateTimeOffset LastActive { get; private set; } = now;

    /// <summary>Turns of one conversation run one at a time, so replies keep the order of the questions.</summary>
    public SemaphoreSlim Turn { get; } = new(1, 1);

    public void Touch(DateTimeOffset now) => LastActive = now;

    public string Append(Activity activity)
    {
        lock (_lock)
        {
            var number = _dropped + _activities.Count;
            activity.Id = $"{Id}|{number.ToString("D7", CultureInfo.InvariantCulture)}";
            activity.Timestamp ??= DateTimeOffset.UtcNow;
            activity.Conversation = new ConversationAccount(id: Id);
            _activities.Enqueue(activity);
            while (_activities.Count > maxActivities)
            {
                _activities.Dequeue();
                _dropped++;
            }

            return activity.Id;
        }
    }

    /// <summary>The kept activities after the watermark, and the new watermark.</summary>
    public (IReadOnlyList<Activity> Activities, int Watermark) Since(int watermark)
    {
        lock (_lock)
        {
            var end = _dropped + _activities.Count;
            var skip = Math.Clamp(watermark, _dropped, end) - _dropped;
            return (_activities.Skip(skip).ToArray(), end);
        }
    }
}
