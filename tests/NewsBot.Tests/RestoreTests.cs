using System.Diagnostics;
using NewsBot.Testing;
using Xunit;

namespace NewsBot.Tests;

/// <summary>
/// Restore is exact and quiet: every version is pinned centrally, so no NU1603 ("a dependency's version was not
/// found, a newer one was resolved") reaches the output of every `dotnet run` and spoils `--json` output.
/// </summary>
public sealed class RestoreTests
{
    [Theory]
    [InlineData("src/NewsBot.Cli/NewsBot.Cli.csproj")]
    [InlineData("src/NewsBot/NewsBot.csproj")]
    public async Task Restoring_the_CLI_and_the_bot_prints_no_warning(string project)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = RepositoryPaths.Of(".") };
        foreach (var arg in new[] { "restore", project, "--verbosity", "minimal" })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.Equal(0, process.ExitCode);
        Assert.DoesNotContain("warning", output, StringComparison.OrdinalIgnoreCase);
    }
}
