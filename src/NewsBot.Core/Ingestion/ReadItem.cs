using NewsBot.Core.Articles;

namespace NewsBot.Core.Ingestion;

/// <summary>What a reader made of one item of its input: an article, or the reason it could not be one.</summary>
/// <param name="Location">Where the item came from: a file, plus the line for line-based formats.</param>
public sealed record ReadItem(string Location, Article? Article, string? Error)
{
    public static ReadItem Ok(string location, Article article) => new(location, article, null);

    public static ReadItem Failed(string location, string error) => new(location, null, error);
}
