using Microsoft.Extensions.Time.Testing;
using NewsBot.Core.Storage;
using Xunit;

namespace NewsBot.Core.Tests;

/// <summary>The outlet list is read once per lifetime, again at once after a write (cleared, or a new store version).</summary>
public sealed class OutletListCacheTests
{
    private readonly FakeTimeProvider _time = new();
    private int _reads;

    [Fact]
    public async Task The_list_is_read_again_only_after_its_lifetime_a_clear_or_a_new_version()
    {
        var cache = new OutletListCache(_time);

        await GetAsync(cache, 1);
        await GetAsync(cache, 1);
        var cached = _reads;
        _time.Advance(OutletListCache.Lifetime);
        await GetAsync(cache, 1);
        var expired = _reads;
        cache.Clear();
        await GetAsync(cache, 1);
        var cleared = _reads;
        await GetAsync(cache, 2);

        Assert.Equal((1, 2, 3, 4), (cached, expired, cleared, _reads));
    }

    private Task<IReadOnlyList<string>> GetAsync(OutletListCache cache, long version) =>
        cache.GetAsync(_ =>
        {
            _reads++;
            return Task.FromResult<IReadOnlyList<string>>(["Harbour Times"]);
        }, version, CancellationToken.None);
}
