namespace NewsBot.Core.Search;

/// <summary>A question as a ranker reads it: its text, its embedding, and its parts (<see cref="QuestionParts"/>).</summary>
public sealed record RankingQuery(string Question, ReadOnlyMemory<float> Vector, IReadOnlyList<QuestionPart> Parts)
{
    public RankingQuery(string question, ReadOnlyMemory<float> vector)
        : this(question, vector, QuestionParts.Of(question))
    {
    }

    /// <summary>Names the first results share that the question does not name (<see cref="BridgeNames"/>); empty on a first pass.</summary>
    public IReadOnlyList<string> Bridge { get; init; } = [];

    /// <summary>The clauses naming this lane's outlet alone, searched for with <see cref="Bridge"/>; empty otherwise.</summary>
    public IReadOnlyList<QuestionPart> Focus { get; init; } = [];

    /// <summary>Each part's embedding, in the order of <see cref="Parts"/>; empty for a question of one part or where none were embedded.</summary>
    public IReadOnlyList<ReadOnlyMemory<float>> PartVectors { get; init; } = [];

    /// <summary>The parts (indexes into <see cref="Parts"/>) naming this lane's outlet and no other; empty outside outlet lanes.</summary>
    public IReadOnlyList<int> OwnParts { get; init; } = [];

    /// <summary>Each passage's closest sentence to each part, computed once for all the lanes and passes of one search.</summary>
    public System.Collections.Concurrent.ConcurrentDictionary<(string Passage, int Part), float> PartSentenceScores { get; } = new();

    /// <summary>Each passage's closest sentence to the question, computed once for all the lanes and passes of one search.</summary>
    public System.Collections.Concurrent.ConcurrentDictionary<string, float> SentenceScores { get; } = new(StringComparer.Ordinal);

    /// <summary>Which part a passage answers best: the one with the largest share of its terms in the passage.</summary>
    public int BestPart(HashSet<string> words) =>
        Parts.Count < 2 ? 0 : Enumerable.Range(0, Parts.Count).MaxBy(p => Parts[p].Terms.Count(words.Contains) / (double)Parts[p].Terms.Length);
}
