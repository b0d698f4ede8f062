using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.SemanticKernel;
using NewsBot.Answering.Prompts;
using NewsBot.Core.Answering;

namespace NewsBot.Answering.Questions;

/// <summary>Rewrites follow-ups with the configured language model (prompts/rewrite-question.yaml); the heuristic when the model fails.</summary>
public sealed class ModelQuestionRewriter(Kernel kernel, PromptProvider prompts, FollowUpRewriter fallback, ILogger<ModelQuestionRewriter> logger) : IQuestionRewriter
{
    private const int TurnsKept = 4;

    public async Task<string> RewriteAsync(string question, IReadOnlyList<ConversationTurn> history, CancellationToken cancellationToken)
    {
        if (history.Count == 0)
        {
            return question.Trim();
        }

        var conversation = new StringBuilder();
        foreach (var turn in history.TakeLast(TurnsKept))
        {
            conversation.AppendLine($"User: {turn.Question}").AppendLine($"NewsBot: {turn.Answer}");
        }

        try
        {
            var result = await kernel.InvokeAsync(prompts.Function("rewrite-question"), new KernelArguments { ["history"] = conversation.ToString(), ["question"] = question }, cancellationToken);
            var rewritten = result.GetValue<string>()?.Trim().Trim('"');
            return string.IsNullOrWhiteSpace(rewritten) || rewritten.Length > 500 ? await fallback.RewriteAsync(question, history, cancellationToken) : rewritten;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(ex, "The language model could not rewrite the follow-up question; using the heuristic");
            return await fallback.RewriteAsync(question, history, cancellationToken);
        }
    }
}
