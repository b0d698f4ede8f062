namespace NewsBot.Core.Search;

/// <summary>A question as a ranker reads it: its text, its embedding, and its parts (<see cref="QuestionParts"/>).</summary>
public sealed record RankingQuery(string Question, ReadOnlyMemory<float> Vector, IReadOnlyList<QuestionPart> Parts)
{
    public RankingQuery(string question, ReadOnlyMemory<float> vector)
        : this(question, vector, QuestionParts.Of(question))
    {
    }

    /// <summary>Which part a passage answers best: the one with the largest share of its terms in the passage.</summary>
    public int BestPart(HashSet<string> words) =>
        Parts.Count < 2 ? 0 : Enumerable.Range(0, Parts.Count).MaxBy(p => Parts[p].Terms.Count(words.Contains) / (double)Parts[p].Terms.Length);
}
