using NewsBot.Answering.Comparison;
using NewsBot.Answering.Drafting;
using NewsBot.Answering.Questions;

namespace NewsBot.Answering.Routes;

/// <summary>How each outlet covered a story, how a story developed: its reports laid out, one cited line each. Too few reports: the next route.</summary>
public sealed class LaidOutRoute(OutletCoverage coverage, StoryTimeline timeline) : IAnswerRoute
{
    public bool Handles(QuestionIntent intent) => intent.Kind is QuestionKind.Coverage or QuestionKind.Timeline;

    public async Task<RouteResult?> AnswerAsync(QuestionIntent intent, Func<string, CancellationToken, Task>? onText, CancellationToken cancellationToken)
    {
        var laidOut = intent.Kind == QuestionKind.Coverage
            ? await coverage.DraftAsync(intent, cancellationToken)
            : await timeline.DraftAsync(intent, cancellationToken);
        return laidOut is { } reports ? RouteResult.Drafted(new Draft(reports.Draft, FromModel: false) { Composed = true }, reports.Passages) : null;
    }
}
