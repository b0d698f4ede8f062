namespace NewsBot.Core.Storage;

public sealed record StoreStats(
    long Articles,
    long Passages,
    int Sources,
    DateTimeOffset? Oldest,
    DateTimeOffset? Newest,
    EmbeddingModelInfo? EmbeddingModel,
    string Location);
