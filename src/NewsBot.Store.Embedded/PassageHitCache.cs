using Microsoft.Extensions.Caching.Memory;
using NewsBot.Core.Storage;

namespace NewsBot.Store.Embedded;

/// <summary>
/// The passages searches return, remembered for the store generation they were read at: readers' questions keep
/// retrieving the passages of the same stories, and reading a passage's row (its text, article and its sentences'
/// vectors) is most of what a search costs in SQLite. A newer generation (any write) forgets them all; a search of an
/// older one reads SQLite as before. Up to <see cref="MaxPassages"/> passages (about 50 MB), the least recently used
/// forgotten first. Rows are never changed in place (an article written again gets new passage rowids), so a
/// remembered passage is what SQLite would return for it.
/// </summary>
internal sealed class PassageHitCache : IDisposable
{
    public const int MaxPassages = 10_000;

    private readonly Lock _lock = new();
    private MemoryCache _cache = New();
    private long _generation = -1;

    /// <summary>The passages of <paramref name="rowIds"/> remembered for <paramref name="generation"/>.</summary>
    public Dictionary<long, PassageHit> Find(long generation, IEnumerable<long> rowIds)
    {
        var found = new Dictionary<long, PassageHit>();
        if (For(generation) is { } cache)
        {
            foreach (var rowId in rowIds)
            {
                if (cache.TryGetValue(rowId, out PassageHit? hit) && hit is not null)
                {
                    found[rowId] = hit;
                }
            }
        }

        return found;
    }

    public void Remember(long generation, IReadOnlyDictionary<long, PassageHit> hits)
    {
        if (For(generation) is { } cache)
        {
            foreach (var (rowId, hit) in hits)
            {
                cache.Set(rowId, hit, new MemoryCacheEntryOptions { Size = 1 });
            }
        }
    }

    /// <summary>The cache of <paramref name="generation"/>: a new one for a newer generation, none for an older one.</summary>
    private MemoryCache? For(long generation)
    {
        lock (_lock)
        {
            if (generation < _generation)
            {
                return null;
            }

            if (generation > _generation)
            {
                _cache.Dispose();
                _cache = New();
                _generation = generation;
            }

            return _cache;
        }
    }

    private static MemoryCache New() => new(new MemoryCacheOptions { SizeLimit = MaxPassages, CompactionPercentage = 0.25 });

    public void Dispose()
    {
        lock (_lock)
        {
            _cache.Dispose();
        }
    }
}
