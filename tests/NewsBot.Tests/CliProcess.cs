using System.Diagnostics;
using NewsBot.Testing;

namespace NewsBot.Tests;

/// <summary>The built CLI run as a separate process, as a user runs it beside the bot.</summary>
public static class CliProcess
{
    public static async Task<int> RunAsync(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(RepositoryPaths.Built("src/NewsBot.Cli", "newsbot.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        await process.WaitForExitAsync();
        return process.ExitCode;
    }
}
