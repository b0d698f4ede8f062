namespace NewsBot.Core.Chunking;

/// <summary>
/// A piece of an article, as it is indexed and as the answer step receives it.
/// <see cref="Text"/> starts with the header line (title / outlet date) so the passage reads on its own.
/// </summary>
public sealed record Passage(string Id, string ArticleId, int Index, string Text)
{
    public static string IdFor(string articleId, int index) => $"{articleId}#{index}";
}
