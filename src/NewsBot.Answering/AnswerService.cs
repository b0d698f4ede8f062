using NewsBot.Answering.Citations;
using NewsBot.Answering.Comparison;
using NewsBot.Answering.Declining;
using NewsBot.Answering.Drafting;
using NewsBot.Answering.Overview;
using NewsBot.Answering.Questions;
using NewsBot.Answering.Retrieval;
using NewsBot.Answering.Verification;
using NewsBot.Core.Answering;
using NewsBot.Core.Telemetry;

namespace NewsBot.Answering;

/// <summary>
/// Question in, cited answer out, one step after another: understand the question once, decline what the news
/// cannot cover, retrieve, draft (the language model or the passages' own sentences), verify every sentence against
/// its sources, check the asked-for fact is there, and build the citations from the retrieved passages.
/// </summary>
public sealed class AnswerService(
    QuestionUnderstanding understanding,
    UnknownTopics unknownTopics,
    PassageRetriever retriever,
    ReportComparison comparison,
    OutletCoverage coverage,
    StoryTimeline timeline,
    AnswerDrafter drafter,
    DraftVerifier verifier,
    AnswerDecliner decliner,
    NewsOverview overview,
    UpdateNotes updates) : INewsAnswerer
{
    public bool Streams => drafter.Streams;

    public async Task<Answer> AnswerAsync(AnswerRequest request, Func<string, CancellationToken, Task>? onText = null, CancellationToken cancellationToken = default)
    {
        using var span = NewsBotTelemetry.Step("answer");
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var answer = await updates.AddToAsync(await AnswerOrDeclineAsync(request, onText, cancellationToken), cancellationToken);
        NewsBotTelemetry.Turns.Add(1);
        NewsBotTelemetry.TurnDuration.Record(System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        if (answer.Declined)
        {
            NewsBotTelemetry.Declines.Add(1);
        }

        if (answer.Note == AnswerDrafter.ModelUnavailableNote)
        {
            NewsBotTelemetry.ModelFallbacks.Add(1);
        }

        span?.SetTag("newsbot.declined", answer.Declined);
        span?.SetTag("newsbot.citations", answer.Citations.Count);
        return answer;
    }

    private async Task<Answer> AnswerOrDeclineAsync(AnswerRequest request, Func<string, CancellationToken, Task>? onText, CancellationToken cancellationToken)
    {
        QuestionIntent intent;
        using (NewsBotTelemetry.Step("understand"))
        {
            intent = await understanding.UnderstandAsync(request, cancellationToken);
        }

        switch (intent.Kind)
        {
            case QuestionKind.Sources:
                return await overview.CoverageAsync(intent.Question, cancellationToken);
            case QuestionKind.OutletsNotHeld:
                return await decliner.OutletsNotHeldAsync(intent, cancellationToken);
            case QuestionKind.Digest:
                return await overview.DigestAsync(intent, cancellationToken);
        }

        // How each outlet covered a story, how a story developed: its reports laid out, one cited line each.
        var laidOut = intent.Kind switch
        {
            QuestionKind.Coverage => await coverage.DraftAsync(intent, cancellationToken),
            QuestionKind.Timeline => await timeline.DraftAsync(intent, cancellationToken),
            _ => null,
        };
        if (laidOut is { } reports && CitationBuilder.Build(reports.Draft, reports.Passages) is { Citations.Count: > 0 } lines)
        {
            return AnswerText.Cited(intent.Question, lines.Text, lines.Citations);
        }

        if (await unknownTopics.FindAsync(intent.Subject, cancellationToken) is { Count: > 0 } uncovered)
        {
            return await decliner.NotCoveredAsync(intent, uncovered, cancellationToken);
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
            else if (await comparison.DraftAsync(intent.Question, sides, cancellationToken) is { } compared
                && CitationBuilder.Build(compared.Draft, compared.Passages) is { Citations.Count: > 0 } built)
            {
                return AnswerText.Cited(intent.Question, built.Text, built.Citations);
            }
        }

        if (passages is not { Count: > 0 })
        {
            using (NewsBotTelemetry.Step("retrieve"))
            {
                passages = await retriever.RetrieveAsync(intent, withPeriod: true, cancellationToken);
            }
        }

        Draft? draft;
        using (NewsBotTelemetry.Step("draft"))
        {
            draft = await drafter.DraftAsync(intent, passages, onText, cancellationToken);
        }

        if (draft is null && intent.Time.Period is not null && !intent.Time.Relative)
        {
            // "in 2021" may date the events rather than the reporting: look again without the period.
            passages = await retriever.RetrieveAsync(intent, withPeriod: false, cancellationToken);
            draft = await drafter.DraftAsync(intent, passages, onText, cancellationToken);
        }

        if (draft is null)
        {
            return await decliner.NothingFoundAsync(intent, await unknownTopics.UnheardOfAsync(intent.Names, passages, cancellationToken), cancellationToken);
        }

        // A model that searched again cites into the longer list: verification and citations read that one.
        passages = draft.Passages ?? passages;

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
