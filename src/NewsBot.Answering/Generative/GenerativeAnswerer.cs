using System.Globalization;
using System.Text;
using Microsoft.SemanticKernel;
using NewsBot.Answering.Prompts;
using NewsBot.Answering.Retrieval;

namespace NewsBot.Answering.Generative;

/// <summary>
/// Answers with the configured language model (prompts/answer.yaml), streaming its text as it comes. The model sees
/// numbered passages and must cite them as [n]; the caller turns those markers into citations it can verify.
/// </summary>
public sealed partial class GenerativeAnswerer(Kernel kernel, PromptProvider prompts, TimeProvider time)
{
    public const string NoAnswer = "NO_ANSWER";

    /// <summary>The model's answer with [n] markers, or null when it says the passages do not answer the question.</summary>
    public async Task<string?> DraftAsync(string question, IReadOnlyList<NewsPassage> passages, Func<string, CancellationToken, Task>? onText, CancellationToken cancellationToken)
    {
        var key = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(4));
        var arguments = new KernelArguments
        {
            ["question"] = question,
            ["passages"] = Number(passages, key),
            ["key"] = key,
            ["today"] = time.GetUtcNow().ToString("d MMMM yyyy", CultureInfo.InvariantCulture),
        };

        var answer = new StringBuilder();
        await foreach (var update in kernel.InvokeStreamingAsync<StreamingKernelContent>(prompts.Function("answer"), arguments, cancellationToken))
        {
            var text = update.ToString();
            if (string.IsNullOrEmpty(text))
            {
                continue;
            }

            answer.Append(text);
            if (onText is not null && !NoAnswer.StartsWith(answer.ToString().TrimStart(), StringComparison.Ordinal))
            {
                await onText(text, cancellationToken);
            }
        }

        var draft = answer.ToString().Trim();
        return draft.Length == 0 || draft.Contains(NoAnswer, StringComparison.Ordinal) ? null : draft;
    }

    /// <summary>
    /// Each passage in retrieval order between frames that carry its number and this request's key, which no article
    /// can know: "=== passage [n] · key K ===", its "title / outlet date" line and text, "=== end of passage [n] ·
    /// key K ===". Passage text carries no marker-like text (it was neutralised when read, see CitationMarkers) and
    /// no "===", so an article can neither open a passage of its own nor put a citation in the model's mouth.
    /// </summary>
    public static string Number(IReadOnlyList<NewsPassage> passages, string key) =>
        string.Join("\n\n", passages.Select((p, i) =>
            $"=== passage [{i + 1}] · key {key} ===\n{p.Text.Replace("===", "==", StringComparison.Ordinal)}\n=== end of passage [{i + 1}] · key {key} ==="));
}
