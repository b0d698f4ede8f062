using System.ComponentModel;
using System.Text;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.Data;
using NewsBot.Answering.Prompts;
using NewsBot.Answering.Retrieval;
using NewsBot.Core.Text;

namespace NewsBot.Answering.Generative;

/// <summary>
/// Answers with the configured language model (prompts/answer.yaml), streaming its text as it comes. The model sees
/// numbered passages and must cite them as [n]; the caller turns those markers into citations it can verify. The
/// model is offered the <c>news</c> plugin's <c>search</c> function (function calling): for the second hop of a
/// multi-part question it can search again, and the passages it finds are numbered after the first ones, so its
/// [n] markers point into one list that citations are built from.
/// </summary>
public sealed class GenerativeAnswerer(Kernel kernel, PromptProvider prompts, NewsTextSearch search, TimeProvider time)
{
    public const string NoAnswer = "NO_ANSWER";

    /// <summary>Passages one search by the model adds at most.</summary>
    public const int SearchTop = 5;

    /// <summary>The model's answer with [n] markers into the returned passages (the given ones, then those its searches found), or null when it says the passages do not answer the question.</summary>
    public async Task<GeneratedDraft?> DraftAsync(string question, IReadOnlyList<NewsPassage> passages, Func<string, CancellationToken, Task>? onText, CancellationToken cancellationToken)
    {
        var key = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(4));
        var shown = passages.ToList();
        var scoped = kernel.Clone();
        if (scoped.Plugins.TryGetPlugin(NewsSearchPlugin.PluginName, out var general))
        {
            scoped.Plugins.Remove(general);
        }

        scoped.Plugins.Add(KernelPluginFactory.CreateFromFunctions(NewsSearchPlugin.PluginName, [SearchFunction(shown, key)]));
        var settings = new PromptExecutionSettings
        {
            FunctionChoiceBehavior = FunctionChoiceBehavior.Auto(),
            ExtensionData = new Dictionary<string, object> { ["temperature"] = 0 },
        };
        var arguments = new KernelArguments(settings)
        {
            ["question"] = question,
            ["passages"] = Number(passages, key),
            ["key"] = key,
            ["today"] = Dates.Spoken(time.GetUtcNow()),
        };

        var answer = new StringBuilder();
        await foreach (var update in scoped.InvokeStreamingAsync<StreamingKernelContent>(prompts.Function("answer"), arguments, cancellationToken))
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
        return draft.Length == 0 || draft.Contains(NoAnswer, StringComparison.Ordinal) ? null : new GeneratedDraft(draft, shown);
    }

    /// <summary>news.search for this request: finds passages through the same text search, numbers the new ones after those shown.</summary>
    private KernelFunction SearchFunction(List<NewsPassage> shown, string key) =>
        KernelFunctionFactory.CreateFromMethod(
            async ([Description("What to look for: a few words naming the event, person or organisation")] string query,
                   [Description("Only articles from this outlet (optional)")] string? outlet = null,
                   CancellationToken cancellationToken = default) =>
            {
                var found = await search.FindAsync(query, new TextSearchOptions<NewsPassage> { Top = SearchTop, Filter = NewsTextSearch.Filter(outlet is null ? [] : [outlet], null, null) }, cancellationToken);
                var numbered = new List<(NewsPassage Passage, int N)>();
                lock (shown)
                {
                    foreach (var passage in found)
                    {
                        var index = shown.FindIndex(p => p.PassageId == passage.PassageId);
                        if (index < 0)
                        {
                            shown.Add(passage);
                            index = shown.Count - 1;
                        }

                        numbered.Add((passage, index + 1));
                    }
                }

                return numbered.Count == 0 ? "No passages found." : string.Join("\n\n", numbered.Select(p => Frame(p.Passage, p.N, key)));
            },
            "search",
            "Searches the stored news again and returns more numbered passages, framed and cited like the first ones.");

    /// <summary>
    /// Each passage in retrieval order between frames that carry its number and this request's key, which no article
    /// can know: "=== passage [n] · key K ===", its "title / outlet date" line and text, "=== end of passage [n] ·
    /// key K ===". Passage text carries no marker-like text (it was neutralised when read, see CitationMarkers) and
    /// no "===", so an article can neither open a passage of its own nor put a citation in the model's mouth.
    /// </summary>
    public static string Number(IReadOnlyList<NewsPassage> passages, string key) =>
        string.Join("\n\n", passages.Select((p, i) => Frame(p, i + 1, key)));

    private static string Frame(NewsPassage passage, int n, string key) =>
        $"=== passage [{n}] · key {key} ===\n{passage.Text.Replace("===", "==", StringComparison.Ordinal)}\n=== end of passage [{n}] · key {key} ===";
}
