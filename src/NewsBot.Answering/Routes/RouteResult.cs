using NewsBot.Answering.Drafting;
using NewsBot.Answering.Retrieval;
using NewsBot.Core.Answering;

namespace NewsBot.Answering.Routes;

/// <summary>What a route produced: a draft with its passages (finished by the tail), or an answer that needs no tail.</summary>
public sealed record RouteResult(Draft? Draft, IReadOnlyList<NewsPassage> Passages, Answer? Finished = null)
{
    /// <summary>Questions to offer next (buttons), in place of the channel's default suggestions.</summary>
    public IReadOnlyList<string> FollowUps { get; init; } = [];

    public static RouteResult Done(Answer answer) => new(null, [], answer);

    public static RouteResult Drafted(Draft draft, IReadOnlyList<NewsPassage> passages) => new(draft, passages);
}
