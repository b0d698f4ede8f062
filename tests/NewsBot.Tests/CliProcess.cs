using System.Diagnostics;
using NewsBot.Testing;

namespace NewsBot.Tests;

/// <summary>The built CLI run as a separate process, as a user runs it beside the bot.</summary>
public static class CliProcess
{
    public static async Task<int> RunAsync(params string[] args) => (await RunPipedAsync(args)).ExitCode;

    /// <summary>Runs the CLI with its output and errors read through pipes, as a script or a log sees them.</summary>
    public static async Task<(int ExitCode, string Output, string Error)> RunPipedAsync(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(RepositoryPaths.Built("src/NewsBot.Cli", "newsbot.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output, await error);
    }
}
