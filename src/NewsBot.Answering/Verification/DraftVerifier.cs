using Microsoft.Extensions.Logging;
using NewsBot.Answering.Drafting;
using NewsBot.Answering.Questions;
using NewsBot.Answering.Retrieval;
using NewsBot.Core.Answering;

namespace NewsBot.Answering.Verification;

/// <summary>
/// The verification step: every sentence of a draft, the model's or the extractive one, is checked against the
/// passages it cites (<see cref="SupportCheck"/>) and dropped when they do not back it; a draft NewsBot laid out
/// itself is checked by quotation. It only checks: what to do with a draft that has nothing left is the tail's.
/// </summary>
public sealed class DraftVerifier(ILogger<DraftVerifier> logger)
{
    public const string UnsupportedNote = "The language model's answer was not backed by the sources, so this answer quotes them directly.";

    /// <summary>The supported part of the draft (null when nothing is supported), and how many sentences were checked and dropped.</summary>
    public (Draft? Kept, SupportTally Tally) Verify(QuestionIntent intent, Draft draft, IReadOnlyList<NewsPassage> passages)
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
