using NewsBot.Testing;
using Xunit;

namespace NewsBot.Tests;

/// <summary>The CLI's output in a pipe or a log: results only, never progress lines, and tables not wrapped at 80 columns.</summary>
[Trait("Category", "Slow")] // a separate process or a browser: run apart with --filter Category=Slow
public sealed class PipedOutputTests
{
    [Fact]
    public async Task Piped_ingest_and_search_print_results_without_progress_or_wrapping()
    {
        using var data = new TempDirectory();
        var news = RepositoryPaths.Of("samples", "news.jsonl");

        var (code, output, error) = await CliProcess.RunPipedAsync("ingest", news, "--data", data.Path);

        Assert.Equal(0, code);
        Assert.DoesNotContain("Ingesting", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Ingesting", error, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b[", output, StringComparison.Ordinal);
        Assert.Contains("passages/s", output, StringComparison.Ordinal);

        (code, output, _) = await CliProcess.RunPipedAsync("search", "Where will NATO open its liaison office?", "--top", "2", "--data", data.Path);

        Assert.Equal(0, code);
        // A passage's text is one line however long, not cut into 80-column pieces.
        Assert.Contains(output.Split('\n'), line => line.Length > 200);
    }
}
