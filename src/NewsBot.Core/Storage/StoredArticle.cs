using NewsBot.Core.Articles;

namespace NewsBot.Core.Storage;

/// <summary>An article exactly as a store holds it: its passages with their vectors, and the model that made them.</summary>
public sealed record StoredArticle(Article Article, IReadOnlyList<IndexedPassage> Passages, EmbeddingModelInfo Model);
