using System.Collections.Concurrent;
using NewsBot.Core.Ingestion;

namespace NewsBot.Ingestion.Web;

/// <summary>Feeds remembered for as long as the process runs (when no store keeps them).</summary>
public sealed class MemoryFeedCache : IFeedCache
{
    private readonly ConcurrentDictionary<Uri, CachedFeed> _feeds = new();

    public Task<CachedFeed?> GetAsync(Uri requested, CancellationToken cancellationToken = default) =>
        Task.FromResult(_feeds.TryGetValue(requested, out var feed) ? feed : null);

    public Task PutAsync(Uri requested, CachedFeed feed, CancellationToken cancellationToken = default)
    {
        _feeds[requested] = feed;
        return Task.CompletedTask;
    }
}
