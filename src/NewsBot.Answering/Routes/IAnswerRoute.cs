using NewsBot.Answering.Questions;

namespace NewsBot.Answering.Routes;

/// <summary>
/// How one kind of question is answered: a draft and the passages its markers point into, for the one tail
/// (<see cref="AnswerTail"/>: verify → asked fact → cite), or a finished answer (an overview, a decline), or null
/// to leave the question to the next route.
/// </summary>
public interface IAnswerRoute
{
    bool Handles(QuestionIntent intent);

    Task<RouteResult?> AnswerAsync(QuestionIntent intent, Func<string, CancellationToken, Task>? onText, CancellationToken cancellationToken);
}
