using NewsBot.Answering.Declining;
using NewsBot.Answering.Overview;
using NewsBot.Answering.Questions;

namespace NewsBot.Answering.Routes;

/// <summary>Questions answered from what the store holds rather than from passages: the outlets read, outlets not held, the news of a period.</summary>
public sealed class OverviewRoute(NewsOverview overview, AnswerDecliner decliner) : IAnswerRoute
{
    public bool Handles(QuestionIntent intent) => intent.Kind is QuestionKind.Sources or QuestionKind.OutletsNotHeld or QuestionKind.Digest;

    public async Task<RouteResult?> AnswerAsync(QuestionIntent intent, Func<string, CancellationToken, Task>? onText, CancellationToken cancellationToken) =>
        RouteResult.Done(intent.Kind switch
        {
            QuestionKind.Sources => await overview.CoverageAsync(intent.Question, cancellationToken),
            QuestionKind.OutletsNotHeld => await decliner.OutletsNotHeldAsync(intent, cancellationToken),
            _ => await overview.DigestAsync(intent, cancellationToken),
        });
}
