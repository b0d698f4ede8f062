using NewsBot.Answering.Comparison;
using NewsBot.Answering.Declining;
using NewsBot.Answering.Drafting;
using NewsBot.Answering.Questions;
using NewsBot.Answering.Retrieval;
using NewsBot.Core.Telemetry;

namespace NewsBot.Answering.Routes;

/// <summary>
/// Everything else, and what the laid-out routes leave: a subject the news never covers is declined; reports being
/// compared are retrieved one side at a time (laid out side by side without a model); otherwise the question's
/// passages are retrieved and drafted, once more without the period when a named month or year finds nothing.
/// </summary>
public sealed class FactRoute(UnknownTopics unknownTopics, PassageRetriever retriever, ReportComparison comparison, AnswerDrafter drafter, AnswerDecliner decliner) : IAnswerRoute
{
    public bool Handles(QuestionIntent intent) => true;

    public async Task<RouteResult?> AnswerAsync(QuestionIntent intent, Func<string, CancellationToken, Task>? onText, CancellationToken cancellationToken)
    {
        if (await unknownTopics.FindAsync(intent.Subject, cancellationToken) is { Count: > 0 } uncovered)
        {
            return RouteResult.Done(await decliner.NotCoveredAsync(intent, uncovered, cancellationToken));
        }

        IReadOnlyList<NewsPassage>? passages = null;
        if (intent.ComparesReports)
        {
            // One retrieval per report compared. A model reads every side and gives its verdict first; without one
            // the sides are laid out, each cited and dated.
            var sides = await comparison.RetrieveAsync(intent.Parts, cancellationToken);
            if (drafter.Streams)
            {
                passages = ReportComparison.Merge(sides);
            }
            else if (await comparison.DraftAsync(intent.Claim, sides, cancellationToken) is { } compared)
            {
                return RouteResult.Drafted(new Draft(compared.Draft, FromModel: false) { Composed = true }, compared.Passages);
            }
        }

        if (passages is not { Count: > 0 })
        {
            using (NewsBotTelemetry.Step("retrieve"))
            {
                passages = await retriever.RetrieveAsync(intent, withPeriod: true, cancellationToken);
            }
        }

        var (draft, unheard) = await DraftAsync(intent, passages, onText, cancellationToken);
        if (draft is null && intent.Time.Period is not null && !intent.Time.Relative)
        {
            // "in 2021" may date the events rather than the reporting: look again without the period.
            passages = await retriever.RetrieveAsync(intent, withPeriod: false, cancellationToken);
            (draft, unheard) = await DraftAsync(intent, passages, onText, cancellationToken);
        }

        if (draft is null)
        {
            return RouteResult.Done(await decliner.NothingFoundAsync(intent, unheard, cancellationToken));
        }

        // A model that searched again cites into the longer list: verification and citations read that one.
        return RouteResult.Drafted(draft, draft.Passages ?? passages);
    }

    /// <summary>A draft of these passages, unless the question names only things none of them (nor the store) mentions: then the names.</summary>
    private async Task<(Draft? Draft, IReadOnlyList<NamedSubject> Unheard)> DraftAsync(
        QuestionIntent intent, IReadOnlyList<NewsPassage> passages, Func<string, CancellationToken, Task>? onText, CancellationToken cancellationToken)
    {
        // Checked once per set of passages: when the question's names are unheard of, these passages are about something else.
        var unheard = await unknownTopics.UnheardOfAsync(intent.Names, passages, cancellationToken);
        if (unheard.Count > 0)
        {
            return (null, unheard);
        }

        using (NewsBotTelemetry.Step("draft"))
        {
            return (await drafter.DraftAsync(intent, passages, onText, cancellationToken), unheard);
        }
    }
}
