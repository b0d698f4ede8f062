namespace NewsBot.Core.Answering;

/// <summary>One earlier exchange of a conversation: the question as answered and the answer text.</summary>
public sealed record ConversationTurn(string Question, string Answer);
