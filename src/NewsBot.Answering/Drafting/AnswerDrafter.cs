using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NewsBot.Answering.Extractive;
using NewsBot.Answering.Generative;
using NewsBot.Answering.Questions;
using NewsBot.Answering.Retrieval;
using NewsBot.Core.Answering;

namespace NewsBot.Answering.Drafting;

/// <summary>
/// The drafting step: the language model's answer when one is configured (streamed, within its time limit), else
/// the extractive one. A model that fails or times out gives way to the extractive draft, with a note saying so.
/// </summary>
public sealed class AnswerDrafter(
    ExtractiveAnswerer extractive,
    IOptions<ChatModelOptions> chatOptions,
    ILogger<AnswerDrafter> logger,
    GenerativeAnswerer? generative = null)
{
    public const string ModelUnavailableNote = "The language model did not answer, so this answer quotes the sources directly.";

    public bool Streams => generative is not null;

    /// <summary>A draft, or null when the passages do not answer the question.</summary>
    public async Task<Draft?> DraftAsync(QuestionIntent intent, IReadOnlyList<NewsPassage> passages, Func<string, CancellationToken, Task>? onText, CancellationToken cancellationToken)
    {
        if (passages.Count == 0)
        {
            return null;
        }

        if (generative is null)
        {
            return await ExtractiveAsync(intent, passages, null, cancellationToken);
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(chatOptions.Value.TimeoutSeconds));
        try
        {
            var generated = await generative.DraftAsync(intent.Question, passages, onText, timeout.Token);
            return generated is null ? null : new Draft(generated.Text, FromModel: true) { Passages = generated.Passages.Count > passages.Count ? generated.Passages : null };
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(ex, "The language model failed; answering from the sources instead");
            return await ExtractiveAsync(intent, passages, ModelUnavailableNote, cancellationToken);
        }
    }

    /// <summary>The passages' own sentences that answer the question best, or null when none is relevant enough.</summary>
    /// <remarks>A question asking who (or which company, body) leads with the name the reports give most, when the quotes give it too.</remarks>
    public async Task<Draft?> ExtractiveAsync(QuestionIntent intent, IReadOnlyList<NewsPassage> passages, string? note, CancellationToken cancellationToken)
    {
        // A question about a subject is read as its subject, not the outlets named: an outlet is where to look, and a
        // sentence naming it ("…, officials told Northern Wire") is no answer about the storm. Any other question is
        // read whole, as the relevance gate (Answering:MinRelevance) was calibrated.
        var aboutSubject = intent.Expects == ExpectedAnswer.Overview || intent.Kind is QuestionKind.Timeline or QuestionKind.Coverage;
        if (await extractive.DraftAsync(aboutSubject ? intent.Subject : intent.Question, intent.Vector, passages, intent.Time.WantsLatest, cancellationToken, aboutSubject) is not { } text)
        {
            return null;
        }

        var lead = intent.Expects == ExpectedAnswer.Name ? MostNamed.Lead(intent.Subject, text, passages, intent.Role) : null;
        return new Draft(lead is null ? text : lead + "\n" + text, FromModel: false, note);
    }
}
