namespace NewsBot.Core.Storage;

/// <summary>
/// The outlets a store holds, asked for on every question (to recognise outlets named in it), kept for
/// <see cref="Lifetime"/> so the store is not scanned each time. The process's own writes clear it; a store that
/// can tell cheaply whether anything changed (a version number) passes it, and a new version reads again at once.
/// </summary>
public sealed class OutletListCache(TimeProvider? time = null)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private volatile Entry? _entry;

    public async Task<IReadOnlyList<string>> GetAsync(Func<CancellationToken, Task<IReadOnlyList<string>>> read, long? version, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        if (_entry is { } entry && entry.Version == version && now - entry.ReadAt < Lifetime)
        {
            return entry.Outlets;
        }

        var outlets = await read(cancellationToken);
        _entry = new Entry(outlets, version, now);
        return outlets;
    }

    public void Clear() => _entry = null;

    private sealed record Entry(IReadOnlyList<string> Outlets, long? Version, DateTimeOffset ReadAt);
}
