using NewsBot.Core.Articles;
using NewsBot.Core.Storage;
using NewsBot.Embeddings.Local;
using NewsBot.Store.Embedded;

namespace NewsBot.Bench;

/// <summary>Fills an embedded store with generated articles and passages, without the model (the vectors are given).</summary>
public static class SyntheticStore
{
    /// <summary>Writes articles of <paramref name="perArticle"/> passages each until <paramref name="passages"/> are stored.</summary>
    /// <param name="articleAt">The article numbered n.</param>
    /// <param name="passagesOf">An article's passages, this many.</param>
    public static async Task FillAsync(EmbeddedNewsStore store, int passages, int perArticle, Func<int, Article> articleAt, Func<Article, int, int, IReadOnlyList<IndexedPassage>> passagesOf)
    {
        var model = new EmbeddingModelInfo(ArcticEmbeddingGenerator.ModelId, ArcticEmbeddingGenerator.Dimensions);
        for (var a = 0; a * perArticle < passages; a++)
        {
            var article = articleAt(a);
            await store.UpsertArticleAsync(article, passagesOf(article, a, Math.Min(perArticle, passages - (a * perArticle))), model);
        }
    }
}
