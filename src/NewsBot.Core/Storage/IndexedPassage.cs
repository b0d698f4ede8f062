using NewsBot.Core.Chunking;
using NewsBot.Core.Embeddings;

namespace NewsBot.Core.Storage;

/// <summary>A passage with the vector its embedding model gave it, and its sentences' vectors when ingest made them.</summary>
public sealed record IndexedPassage(Passage Passage, ReadOnlyMemory<float> Vector)
{
    public SentenceVectors? Sentences { get; init; }
}
