namespace NewsBot.Core.Storage;

/// <summary>Which model made a store's vectors; vectors of different models cannot be compared.</summary>
public sealed record EmbeddingModelInfo(string ModelId, int Dimensions)
{
    public override string ToString() => $"{ModelId} ({Dimensions} dimensions)";
}
