using NewsBot.Core.Articles;

namespace NewsBot.Core.Stories;

/// <summary>
/// Which stored articles are copies of one text (syndicated wire copy, light edits), kept beside the store at
/// ingest: search shows one representative per text and names the other outlets that ran it.
/// </summary>
public interface IStoryIndex
{
    /// <summary>Records the article (replacing what was recorded for its id) and returns the id of the copy that represents its text: its own when it is the first.</summary>
    Task<string> AddAsync(Article article, CancellationToken cancellationToken = default);

    Task RemoveAsync(string articleId, CancellationToken cancellationToken = default);

    /// <summary>For each of these articles that is recorded: its representative and every copy of its text, the representative first.</summary>
    Task<IReadOnlyDictionary<string, CopyGroup>> GroupsOfAsync(IReadOnlyCollection<string> articleIds, CancellationToken cancellationToken = default);

    /// <summary>Texts recorded (one per group of copies) and articles that are copies of another.</summary>
    Task<(int Texts, int Duplicates)> CountAsync(CancellationToken cancellationToken = default);
}

/// <summary>The copies of one text, the representative first.</summary>
public sealed record CopyGroup(string RepresentativeId, IReadOnlyList<CopyOf> Copies);

public sealed record CopyOf(string ArticleId, string? Source, DateTimeOffset? PublishedAt);
