namespace NewsBot.Core.Storage;

/// <summary>Thrown when vectors of one model would be added to a store that holds another model's.</summary>
public sealed class EmbeddingModelMismatchException(EmbeddingModelInfo stored, EmbeddingModelInfo offered, string location)
    : InvalidOperationException(
        $"The store at {location} holds vectors made by {stored}, but the configured embedding model is {offered}. " +
        "Vectors of different models cannot be mixed: switch back to that model, or use another data directory (--data) and ingest again.")
{
    public EmbeddingModelInfo Stored { get; } = stored;

    public EmbeddingModelInfo Offered { get; } = offered;
}
