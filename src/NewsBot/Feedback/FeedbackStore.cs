using System.Globalization;
using Microsoft.Data.Sqlite;

namespace NewsBot.Feedback;

/// <summary>Thumbs up / down and comments that users give answers in Teams, kept beside the bot state.</summary>
public sealed class FeedbackStore
{
    private readonly string _connectionString;
    private readonly Lazy<Task> _schema;

    public FeedbackStore(string path)
    {
        _connectionString = NewsBot.Store.Embedded.SqliteFile.ConnectionString(path);
        _schema = new Lazy<Task>(() => ExecuteAsync("""
            CREATE TABLE IF NOT EXISTS feedback (
                id INTEGER PRIMARY KEY AUTOINCREMENT, conversation_id TEXT, reply_to_id TEXT,
                reaction TEXT NOT NULL, comment TEXT, received_at TEXT NOT NULL)
            """, []));
    }

    public async Task AddAsync(AnswerFeedback feedback, CancellationToken cancellationToken = default)
    {
        await _schema.Value;
        await ExecuteAsync(
            "INSERT INTO feedback (conversation_id, reply_to_id, reaction, comment, received_at) VALUES ($c, $r, $reaction, $comment, $at)",
            [("$c", feedback.ConversationId), ("$r", feedback.ReplyToId), ("$reaction", feedback.Reaction), ("$comment", feedback.Comment),
             ("$at", feedback.ReceivedAt.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture))],
            cancellationToken);
    }

    public async Task<IReadOnlyList<AnswerFeedback>> ListAsync(CancellationToken cancellationToken = default)
    {
        await _schema.Value;
        await using var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT conversation_id, reply_to_id, reaction, comment, received_at FROM feedback ORDER BY id";
        var list = new List<AnswerFeedback>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            list.Add(new AnswerFeedback(
                reader.IsDBNull(0) ? null : reader.GetString(0),
                reader.IsDBNull(1) ? null : reader.GetString(1),
                reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetString(3),
                DateTimeOffset.Parse(reader.GetString(4), CultureInfo.InvariantCulture)));
        }

        return list;
    }

    /// <summary>Deletes feedback received before <paramref name="before"/>; returns how many.</summary>
    public async Task<int> PruneAsync(DateTimeOffset before, CancellationToken cancellationToken = default)
    {
        await _schema.Value;
        return await ExecuteAsync("DELETE FROM feedback WHERE received_at < $before", [("$before", before.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture))], cancellationToken);
    }

    private async Task<int> ExecuteAsync(string sql, (string Name, object? Value)[] parameters, CancellationToken cancellationToken = default)
    {
        await using var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
