using Xunit;
using NewsBot.Testing;

namespace NewsBot.Cli.Tests;

/// <summary>One store with the sample news, ingested once through the CLI for the tests that only read it.</summary>
public sealed class SampleStoreFixture : IAsyncLifetime, IDisposable
{
    private readonly TempDirectory _directory = new();

    public string Data => _directory.Path;

    public async Task InitializeAsync()
    {
        var (code, _, error) = await Cli.RunAsync("ingest", Cli.SampleNews, "--data", Data, "--json");
        if (code != 0)
        {
            throw new InvalidOperationException("Could not ingest the sample news: " + error);
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _directory.Dispose();
}
