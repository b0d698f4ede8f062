using NewsBot.Core.Articles;

namespace NewsBot.Core.Storage;

/// <summary>
/// Where articles, their passages and the passages' vectors live. Every store (the embedded one, Qdrant) passes the
/// same conformance suite: an article is replaced whole or not at all, and a store never mixes embedding models.
/// </summary>
public interface INewsStore
{
    /// <summary>The content hash stored for an article, or null when the store does not hold it.</summary>
    Task<string?> GetContentHashAsync(string articleId, CancellationToken cancellationToken = default);

    /// <summary>Stores the article with exactly these passages, replacing any it had before, atomically.</summary>
    /// <exception cref="EmbeddingModelMismatchException">The store holds vectors of another model or size.</exception>
    Task UpsertArticleAsync(Article article, IReadOnlyList<IndexedPassage> passages, EmbeddingModelInfo model, CancellationToken cancellationToken = default);

    /// <summary>Removes an article and its passages; false when there was no such article.</summary>
    Task<bool> DeleteArticleAsync(string articleId, CancellationToken cancellationToken = default);

    /// <summary>Keyword (BM25) search over passage text: any of the terms, best first.</summary>
    Task<IReadOnlyList<PassageHit>> KeywordSearchAsync(IReadOnlyList<string> terms, SearchFilter filter, int top, CancellationToken cancellationToken = default);

    /// <summary>
    /// Whether any stored passage contains the word (as keyword search reads words), for telling a question about
    /// something the news never mentions. A store may answer it without ranking anything.
    /// </summary>
    async Task<bool> ContainsWordAsync(string word, CancellationToken cancellationToken = default) =>
        (await KeywordSearchAsync([word], SearchFilter.None, 1, cancellationToken)).Count > 0;

    /// <summary>
    /// Whether some of the article's passages were stored without their sentences' vectors (a store written before
    /// NewsBot kept them): ingest then stores the article again with them. A store that cannot tell says no.
    /// </summary>
    Task<bool> LacksSentenceVectorsAsync(string articleId, CancellationToken cancellationToken = default) => Task.FromResult(false);

    /// <summary>Nearest passages by cosine similarity to a normalised query vector, best first.</summary>
    Task<IReadOnlyList<PassageHit>> VectorSearchAsync(ReadOnlyMemory<float> vector, SearchFilter filter, int top, CancellationToken cancellationToken = default);

    Task<Article?> GetArticleAsync(string articleId, CancellationToken cancellationToken = default);

    /// <summary>The most recently published articles, newest first, among those the filter lets through (outlets, period).</summary>
    Task<IReadOnlyList<Article>> GetLatestArticlesAsync(int count, SearchFilter filter, CancellationToken cancellationToken = default);

    Task<StoreStats> GetStatsAsync(CancellationToken cancellationToken = default);

    /// <summary>The outlet names the store holds, for recognising outlets named in a question.</summary>
    Task<IReadOnlyList<string>> GetSourcesAsync(CancellationToken cancellationToken = default);

    /// <summary>Every article with its passages and vectors, for moving to another store without embedding again.</summary>
    IAsyncEnumerable<StoredArticle> ExportAsync(CancellationToken cancellationToken = default);
}
