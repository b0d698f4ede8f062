namespace NewsBot.Core.Ingestion;

/// <summary>
/// A feed as last read: its content and the validators the server gave for it (ETag, Last-Modified), so the next
/// read, in this process or a later one, asks "only if changed" and a "304 Not Modified" gives the content back.
/// </summary>
public sealed record CachedFeed(Uri Url, string? MediaType, string? Charset, byte[] Content, string? ETag, DateTimeOffset? LastModified);

/// <summary>Where feeds read over the web are remembered between reads, keyed by the address asked for.</summary>
public interface IFeedCache
{
    Task<CachedFeed?> GetAsync(Uri requested, CancellationToken cancellationToken = default);

    Task PutAsync(Uri requested, CachedFeed feed, CancellationToken cancellationToken = default);
}
