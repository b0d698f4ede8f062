using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using NewsBot.Testing;
using Xunit;

namespace NewsBot.Cli.Tests;

/// <summary>A failed download is one line naming the address and the reason, not the retry pipeline's stack traces.</summary>
public sealed class QuietDownloadTests : IDisposable
{
    private readonly TempDirectory _data = new();

    [Fact]
    public async Task A_dead_address_is_reported_in_one_line_without_stack_traces()
    {
        var dead = $"http://127.0.0.1:{ClosedPort()}/news/feed.xml";

        var (code, error) = await RunBuiltCliAsync("ingest", dead, "--data", _data.Path);

        Assert.Equal(1, code);
        var lines = error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal($"{dead}: could not connect: Connection refused (127.0.0.1:{new Uri(dead).Port})", Assert.Single(lines, l => l.Contains(dead, StringComparison.Ordinal)));
        Assert.DoesNotContain("Polly", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        Assert.True(lines.Length <= 2, error);
    }

    public void Dispose() => _data.Dispose();

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task<(int Code, string Error)> RunBuiltCliAsync(params string[] args)
    {
        // The CLI as a user runs it, so its log output goes where a user sees it: the process's standard error.
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(RepositoryPaths.Built("src/NewsBot.Cli", "newsbot.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await output;
        await process.WaitForExitAsync();
        return (process.ExitCode, error);
    }
}
