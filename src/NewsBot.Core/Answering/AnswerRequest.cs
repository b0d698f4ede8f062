namespace NewsBot.Core.Answering;

/// <summary>A question with the conversation before it (oldest first).</summary>
public sealed record AnswerRequest(string Question, IReadOnlyList<ConversationTurn>? History = null)
{
    public IReadOnlyList<ConversationTurn> Turns => History ?? [];
}
