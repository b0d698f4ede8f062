namespace NewsBot.Core.Embeddings;

/// <summary>What the configured embedding provider says of its model: its name, its size when known, how questions are introduced.</summary>
public sealed record EmbeddingProfile(string ModelId, int? Dimensions, string QueryPrefix);
