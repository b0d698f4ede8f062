using NewsBot.Answering.Citations;
using NewsBot.Answering.Drafting;
using NewsBot.Answering.Questions;
using NewsBot.Answering.Routes;
using NewsBot.Core.Answering;
using NewsBot.Core.Telemetry;

namespace NewsBot.Answering;

/// <summary>
/// Question in, cited answer out: understand the question once (its kind decided there), hand it to the route for
/// its kind (<see cref="IAnswerRoute"/>), and finish every draft in the one tail (<see cref="AnswerTail"/>: verify
/// every sentence, check the asked-for fact, build the citations from the retrieved passages).
/// </summary>
public sealed class AnswerService(
    QuestionUnderstanding understanding,
    IEnumerable<IAnswerRoute> routes,
    AnswerTail tail,
    AnswerDrafter drafter,
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

        // The first route for the question's kind that answers it; the fact route takes whatever is left.
        foreach (var route in routes.Where(r => r.Handles(intent)))
        {
            if (await route.AnswerAsync(intent, onText, cancellationToken) is { } result)
            {
                var answer = result.Finished ?? await tail.FinishAsync(intent, result.Draft!, result.Passages, cancellationToken);
                return result.FollowUps.Count > 0 && !answer.Declined ? answer with { FollowUps = result.FollowUps } : answer;
            }
        }

        throw new InvalidOperationException("No route answered the question: the fact route answers every question.");
    }
}
