namespace NewsBot.Core.Stories;

/// <summary>
/// What NewsBot knows about articles beyond their text, kept beside the store at ingest: which articles are copies
/// of one text (syndicated wire copy, light edits), which report the same story, in what order they arrived, and
/// what an article said before it was updated in place. Ingestion writes it through this interface; readers take
/// the one concern they need (<see cref="ICopyIndex"/>, <see cref="IStoryLookup"/>, <see cref="IArrivalLog"/>,
/// <see cref="IVersionHistory"/>).
/// </summary>
public interface IStoryIndex : ICopyIndex, IStoryLookup, IArrivalLog, IVersionHistory
{
    /// <summary>True when the article is recorded with exactly this content (so it needs no recording again).</summary>
    Task<bool> HoldsAsync(string articleId, string contentHash, CancellationToken cancellationToken = default);

    /// <summary>Records the article (replacing what was recorded for its id): its copies group, its story, an arrival when it is new or updated, and the version it replaces.</summary>
    Task<StoryPlacement> AddAsync(StoryEntry entry, CancellationToken cancellationToken = default);

    Task RemoveAsync(string articleId, CancellationToken cancellationToken = default);

    /// <summary>Texts recorded (one per group of copies), articles that are copies of another, and stories.</summary>
    Task<StoryCounts> CountAsync(CancellationToken cancellationToken = default);
}

/// <summary>Copies of one text: syndicated wire copy shown once, "also reported by" the others.</summary>
public interface ICopyIndex
{
    /// <summary>For each of these articles that is recorded: its representative and every copy of its text, the representative first.</summary>
    Task<IReadOnlyDictionary<string, CopyGroup>> GroupsOfAsync(IReadOnlyCollection<string> articleIds, CancellationToken cancellationToken = default);
}

/// <summary>Reports of one event grouped into a story.</summary>
public interface IStoryLookup
{
    /// <summary>For each of these articles that is recorded: the story it belongs to, its reports in date order.</summary>
    Task<IReadOnlyDictionary<string, Story>> StoriesOfAsync(IReadOnlyCollection<string> articleIds, CancellationToken cancellationToken = default);
}

/// <summary>Articles in the order they arrived (new or updated), for alerts and briefings.</summary>
public interface IArrivalLog
{
    /// <summary>Articles that arrived (new or updated) after the given sequence number, oldest first.</summary>
    Task<IReadOnlyList<Arrival>> ArrivalsAfterAsync(long sequence, int max, CancellationToken cancellationToken = default);

    /// <summary>The latest <paramref name="max"/> articles that arrived (new or updated) at or after a time, oldest first: ingest order, whatever their publication dates.</summary>
    Task<IReadOnlyList<Arrival>> ArrivalsSinceAsync(DateTimeOffset recordedAt, int max, CancellationToken cancellationToken = default);

    /// <summary>The sequence number of the latest arrival, 0 when none.</summary>
    Task<long> LastArrivalAsync(CancellationToken cancellationToken = default);
}

/// <summary>What articles said before they were updated in place.</summary>
public interface IVersionHistory
{
    /// <summary>For each of these articles that was updated in place: its earlier versions, oldest first.</summary>
    Task<IReadOnlyDictionary<string, IReadOnlyList<ArticleVersion>>> HistoryOfAsync(IReadOnlyCollection<string> articleIds, CancellationToken cancellationToken = default);
}

/// <summary>The copies of one text, the representative first.</summary>
public sealed record CopyGroup(string RepresentativeId, IReadOnlyList<CopyOf> Copies);

public sealed record CopyOf(string ArticleId, string? Source, DateTimeOffset? PublishedAt);

public sealed record StoryCounts(int Texts, int Duplicates, int Stories);

/// <summary>Where a recorded article went: the copy representing its text, and its story.</summary>
public sealed record StoryPlacement(string RepresentativeId, string StoryId);
