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
public sealed class AnswerTail(DraftVerifier verifier, AnswerDecliner decliner)
{
    public async Task<Answer> FinishAsync(QuestionIntent intent, Draft draft, IReadOnlyList<NewsPassage> passages, CancellationToken cancellationToken)
    {
        Draft? verified;
        SupportTally support;
        using (NewsBotTelemetry.Step("verify"))
        {
            (verified, support) = await verifier.VerifyAsync(intent, draft, passages, cancellationToken);
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
