using Microsoft.Extensions.Logging;
using NewsBot.Answering.Citations;
using NewsBot.Answering.Declining;
using NewsBot.Answering.Drafting;
using NewsBot.Answering.Questions;
using NewsBot.Answering.Retrieval;
using NewsBot.Answering.Verification;
using NewsBot.Core.Answering;
using NewsBot.Core.Telemetry;

namespace NewsBot.Answering.Routes;

/// <summary>
/// Where every drafted answer ends, whatever its route: verify every sentence against the passages it cites, check
/// the asked-for fact is there, and build the citations from the retrieved records.
/// </summary>
public sealed class AnswerTail(DraftVerifier verifier, AnswerDrafter drafter, AnswerDecliner decliner, ILogger<AnswerTail> logger)
{
    public async Task<Answer> FinishAsync(QuestionIntent intent, Draft draft, IReadOnlyList<NewsPassage> passages, CancellationToken cancellationToken)
    {
        Draft? verified;
        SupportTally support;
        using (NewsBotTelemetry.Step("verify"))
        {
            (verified, support) = verifier.Verify(intent, draft, passages);
        }

        if (verified is null && draft.FromModel)
        {
            // Nothing the model wrote is backed by the sources: quote them instead, checked the same way, and say so.
            logger.LogWarning("No sentence of the language model's answer was supported by a retrieved passage; answering from the sources instead");
            if (await drafter.ExtractiveAsync(intent, passages, DraftVerifier.UnsupportedNote, cancellationToken) is { } quoted)
            {
                var (kept, tally) = verifier.Verify(intent, quoted, passages);
                (verified, support) = (kept, new SupportTally(support.Checked + tally.Checked, support.Dropped + tally.Dropped));
            }
        }

        if (verified is null)
        {
            return await decliner.NothingFoundAsync(intent, [], cancellationToken) with { Support = support };
        }

        if (!AskedFact.IsAnswered(intent.Question, intent.Expects, SupportCheck.Sentences(verified.Text), passages))
        {
            return (AnswerDecliner.NotSaid(intent, verified.Text, passages) ?? await decliner.NothingFoundAsync(intent, [], cancellationToken)) with { Support = support };
        }

        var (text, citations) = CitationBuilder.Build(verified.Text, passages);
        return citations.Count == 0
            ? await decliner.NothingFoundAsync(intent, [], cancellationToken) with { Support = support }
            : AnswerText.Cited(intent.Question, text, citations, verified.Note) with { Support = support };
    }
}
