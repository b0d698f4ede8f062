using NewsBot.Core.Chunking;

namespace NewsBot.Core.Storage;

/// <summary>A passage with the vector its embedding model gave it.</summary>
public sealed record IndexedPassage(Passage Passage, ReadOnlyMemory<float> Vector);
