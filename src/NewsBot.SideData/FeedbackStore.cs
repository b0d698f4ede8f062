using System.Globalization;

namespace NewsBot.SideData;

/// <summary>Thumbs up / down and comments that users give answers in Teams, kept beside the bot state.</summary>
public sealed class FeedbackStore(string path)
{
    private readonly SqliteDatabase _database = new(path, """
        CREATE TABLE IF NOT EXISTS feedback (
            id INTEGER PRIMARY KEY AUTOINCREMENT, conversation_id TEXT, reply_to_id TEXT,
            reaction TEXT NOT NULL, comment TEXT, received_at TEXT NOT NULL)
        """);

    public Task AddAsync(AnswerFeedback feedback, CancellationToken cancellationToken = default) =>
        _database.ExecuteAsync(
            "INSERT INTO feedback (conversation_id, reply_to_id, reaction, comment, received_at) VALUES ($c, $r, $reaction, $comment, $at)",
            cancellationToken, ("$c", feedback.ConversationId), ("$r", feedback.ReplyToId), ("$reaction", feedback.Reaction), ("$comment", feedback.Comment),
            ("$at", Text(feedback.ReceivedAt)));

    public async Task<IReadOnlyList<AnswerFeedback>> ListAsync(CancellationToken cancellationToken = default)
    {
        var list = new List<AnswerFeedback>();
        await _database.QueryAsync("SELECT conversation_id, reply_to_id, reaction, comment, received_at FROM feedback ORDER BY id", reader => list.Add(new AnswerFeedback(
            reader.IsDBNull(0) ? null : reader.GetString(0),
            reader.IsDBNull(1) ? null : reader.GetString(1),
            reader.GetString(2),
            reader.IsDBNull(3) ? null : reader.GetString(3),
            DateTimeOffset.Parse(reader.GetString(4), CultureInfo.InvariantCulture))), cancellationToken);
        return list;
    }

    /// <summary>Deletes feedback received before <paramref name="before"/>; returns how many.</summary>
    public Task<int> PruneAsync(DateTimeOffset before, CancellationToken cancellationToken = default) =>
        _database.ExecuteAsync("DELETE FROM feedback WHERE received_at < $before", cancellationToken, ("$before", Text(before)));

    private static string Text(DateTimeOffset time) => time.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);
}
