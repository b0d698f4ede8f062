using Microsoft.Extensions.Logging;
using NewsBot.Core.Storage;

namespace NewsBot.Core.Stories;

/// <summary>
/// The story index as answering reads it: when its file cannot be read (damaged, gone, a full disk), reads come back
/// empty, so answers lose copy collapsing, story grouping and update notes, not the answer itself. Writes (ingest)
/// still fail loudly. /healthz reads the index itself and reports it (<see cref="IHealthProbe"/>).
/// </summary>
public sealed class DegradingStoryIndex(IStoryIndex inner, ILogger<DegradingStoryIndex> logger, TimeProvider time) : IStoryIndex
{
    private readonly Telemetry.OncePerMinute _warnings = new(time);

    public Task<bool> HoldsAsync(string articleId, string contentHash, CancellationToken cancellationToken = default) => inner.HoldsAsync(articleId, contentHash, cancellationToken);

    public Task<StoryPlacement> AddAsync(StoryEntry entry, CancellationToken cancellationToken = default) => inner.AddAsync(entry, cancellationToken);

    public Task RemoveAsync(string articleId, CancellationToken cancellationToken = default) => inner.RemoveAsync(articleId, cancellationToken);

    public Task<IReadOnlyDictionary<string, CopyGroup>> GroupsOfAsync(IReadOnlyCollection<string> articleIds, CancellationToken cancellationToken = default) =>
        ReadAsync(() => inner.GroupsOfAsync(articleIds, cancellationToken), new Dictionary<string, CopyGroup>());

    public Task<IReadOnlyDictionary<string, Story>> StoriesOfAsync(IReadOnlyCollection<string> articleIds, CancellationToken cancellationToken = default) =>
        ReadAsync(() => inner.StoriesOfAsync(articleIds, cancellationToken), new Dictionary<string, Story>());

    public Task<StoryCounts> CountAsync(CancellationToken cancellationToken = default) => inner.CountAsync(cancellationToken);

    public Task<IReadOnlyList<Arrival>> ArrivalsAfterAsync(long sequence, int max, CancellationToken cancellationToken = default) =>
        ReadAsync(() => inner.ArrivalsAfterAsync(sequence, max, cancellationToken), Array.Empty<Arrival>());

    public Task<IReadOnlyList<Arrival>> ArrivalsSinceAsync(DateTimeOffset recordedAt, int max, CancellationToken cancellationToken = default) =>
        ReadAsync(() => inner.ArrivalsSinceAsync(recordedAt, max, cancellationToken), Array.Empty<Arrival>());

    public Task<long> LastArrivalAsync(CancellationToken cancellationToken = default) => ReadAsync(() => inner.LastArrivalAsync(cancellationToken), 0L);

    public Task<IReadOnlyDictionary<string, IReadOnlyList<ArticleVersion>>> HistoryOfAsync(IReadOnlyCollection<string> articleIds, CancellationToken cancellationToken = default) =>
        ReadAsync(() => inner.HistoryOfAsync(articleIds, cancellationToken), new Dictionary<string, IReadOnlyList<ArticleVersion>>());

    private async Task<T> ReadAsync<T, TEmpty>(Func<Task<T>> read, TEmpty empty)
        where TEmpty : T
    {
        try
        {
            return await read();
        }
        catch (StoreUnavailableException ex)
        {
            // One line a minute at most: every question reads the index.
            if (_warnings.Take())
            {
                logger.LogWarning("The story index could not be read; answering without copies, stories and update notes: {Reason}", ex.Message);
            }

            return empty;
        }
    }
}
