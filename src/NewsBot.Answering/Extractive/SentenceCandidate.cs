namespace NewsBot.Answering.Extractive;

/// <summary>A sentence of a retrieved passage, with how well it answers the question.</summary>
/// <param name="Passage">Index of the passage in retrieval order.</param>
/// <param name="Position">Index of the sentence in its passage (see <see cref="ExtractiveAnswerer.SentencesOf"/>).</param>
internal sealed record SentenceCandidate(string Text, int Passage, int Position, ReadOnlyMemory<float> Vector, double Similarity, double Overlap)
{
    public double Score => Similarity + (0.5 * Overlap);

    /// <summary>
    /// Whether the sentence, read under its headline, is about a subject of <paramref name="subjectTerms"/> words: it
    /// has every one of a short subject's words ("the national library" is not "the national medicines agency"), and
    /// at least half of a longer one's, by weight.
    /// </summary>
    public bool IsAbout(int subjectTerms) => Overlap >= (subjectTerms <= 3 ? 0.999 : 0.5);
}
