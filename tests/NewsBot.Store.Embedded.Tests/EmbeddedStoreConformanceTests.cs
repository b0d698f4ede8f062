using NewsBot.Core.Storage;
using NewsBot.Store.Conformance;
using NewsBot.Testing;

namespace NewsBot.Store.Embedded.Tests;

public sealed class EmbeddedStoreConformanceTests : NewsStoreConformance, IDisposable
{
    private readonly TempDirectory _directory = new();

    protected override Task<INewsStore?> CreateStoreAsync() => Task.FromResult<INewsStore?>(new EmbeddedNewsStore(_directory.Path));

    public void Dispose() => _directory.Dispose();
}
