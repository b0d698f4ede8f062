using NewsBot.Core.Answering;

namespace NewsBot.Answering.Questions;

/// <summary>Makes a follow-up question ("and what did China say?") stand on its own, from the conversation before it.</summary>
public interface IQuestionRewriter
{
    Task<string> RewriteAsync(string question, IReadOnlyList<ConversationTurn> history, CancellationToken cancellationToken);
}
