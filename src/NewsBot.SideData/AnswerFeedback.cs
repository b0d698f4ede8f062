namespace NewsBot.SideData;

/// <param name="Reaction">"like" or "dislike".</param>
public sealed record AnswerFeedback(string? ConversationId, string? ReplyToId, string Reaction, string? Comment, DateTimeOffset ReceivedAt);
