namespace NewsBot.Core.Embeddings;

/// <summary>A passage's vector and its sentences' vectors, as ingest stores them.</summary>
public sealed record PassageVectors(ReadOnlyMemory<float> Vector, SentenceVectors Sentences);
