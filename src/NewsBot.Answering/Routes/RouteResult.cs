using NewsBot.Answering.Drafting;
using NewsBot.Answering.Retrieval;
using NewsBot.Core.Answering;

namespace NewsBot.Answering.Routes;

/// <summary>What a route produced: a draft with its passages (finished by the tail), or an answer that needs no tail.</summary>
public sealed record RouteResult(Draft? Draft, IReadOnlyList<NewsPassage> Passages, Answer? Finished = null)
{
    public static RouteResult Done(Answer answer) => new(null, [], answer);

    public static RouteResult Drafted(Draft draft, IReadOnlyList<NewsPassage> passages) => new(draft, passages);
}
