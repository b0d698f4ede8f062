using Microsoft.Extensions.Logging;
using NewsBot.Answering.Drafting;
using NewsBot.Answering.Questions;
using NewsBot.Answering.Retrieval;
using NewsBot.Core.Answering;

namespace NewsBot.Answering.Verification;

/// <summary>
/// The verification step: every sentence of a draft, the model's or the extractive one, is checked against the
/// passages it cites (<see cref="SupportCheck"/>) and dropped when they do not back it. A model draft with nothing
/// left gives way to the extractive draft, itself checked, with a note saying so.
/// </summary>
public sealed class DraftVerifier(AnswerDrafter drafter, ILogger<DraftVerifier> logger)
{
    public const string UnsupportedNote = "The language model's answer was not backed by the sources, so this answer quotes them directly.";

    /// <summary>The supported part of the draft (null when nothing is supported), and how many sentences were checked and dropped.</summary>
    public async Task<(Draft? Draft, SupportTally Tally)> VerifyAsync(QuestionIntent intent, Draft draft, IReadOnlyList<NewsPassage> passages, CancellationToken cancellationToken)
    {
        var (kept, tally) = Check(intent, draft, passages);
        if (kept is not null || !draft.FromModel)
        {
            return (kept, tally);
        }

        logger.LogWarning("No sentence of the language model's answer was supported by a retrieved passage; answering from the sources instead");
        if (await drafter.ExtractiveAsync(intent, passages, UnsupportedNote, cancellationToken) is not { } fallback)
        {
            return (null, tally);
        }

        var (keptFallback, fallbackTally) = Check(intent, fallback, passages);
        return (keptFallback, new SupportTally(tally.Checked + fallbackTally.Checked, tally.Dropped + fallbackTally.Dropped));
    }

    private (Draft? Kept, SupportTally Tally) Check(QuestionIntent intent, Draft draft, IReadOnlyList<NewsPassage> passages)
    {
        var result = draft.Composed ? SupportCheck.KeepQuoted(draft.Text, passages, intent.Question) : SupportCheck.Keep(draft.Text, passages, intent.Question);
        if (result.Dropped > 0)
        {
            logger.LogInformation("Dropped {Count} sentences of the {Kind} draft that their citations do not support", result.Dropped, draft.FromModel ? "model's" : "extractive");
        }

        var tally = new SupportTally(result.Checked, result.Dropped);
        return result.Kept > 0 ? (draft with { Text = result.Text }, tally) : (null, tally);
    }
}
