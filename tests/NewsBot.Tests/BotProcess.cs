using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using NewsBot.Testing;

namespace NewsBot.Tests;

/// <summary>The bot as a user runs it: its own process, on a free loopback port, with its own data directory.</summary>
public sealed class BotProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly TempDirectory _data = new();

    private BotProcess(int port, IDictionary<string, string>? environment)
    {
        Url = $"http://127.0.0.1:{port}";
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(RepositoryPaths.Built("src/NewsBot", "NewsBot.dll"));
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(Url);
        start.Environment["NEWSBOT_VectorStore__DataDirectory"] = _data.Path;
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        _process = Process.Start(start)!;
        _process.OutputDataReceived += (_, e) => Log.Add(e.Data ?? "");
        _process.ErrorDataReceived += (_, e) => Log.Add(e.Data ?? "");
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public string Url { get; }

    /// <summary>The bot's own data directory (store, state), for a CLI run against the same store.</summary>
    public string DataDirectory => _data.Path;

    public List<string> Log { get; } = [];

    /// <param name="expectHealthy">False to wait only until /healthz answers at all, healthy or not.</param>
    public static async Task<BotProcess> StartAsync(IDictionary<string, string>? environment = null, bool expectHealthy = true)
    {
        var bot = new BotProcess(FreePort(), environment);
        using var http = new HttpClient();
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromMinutes(2))
        {
            try
            {
                var status = (await http.GetAsync(bot.Url + "/healthz")).StatusCode;
                if (status == HttpStatusCode.OK || (!expectHealthy && status == HttpStatusCode.ServiceUnavailable))
                {
                    return bot;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            if (bot._process.HasExited)
            {
                break;
            }

            await Task.Delay(250);
        }

        await bot.DisposeAsync();
        throw new InvalidOperationException("The bot did not start: " + string.Join('\n', bot.Log));
    }

    /// <summary>Starts the bot expecting it to stop by itself (bad settings); its exit code and what it printed.</summary>
    public static async Task<(int ExitCode, string[] Lines)> RunToExitAsync(IDictionary<string, string> environment)
    {
        await using var bot = new BotProcess(FreePort(), environment);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await bot._process.WaitForExitAsync(timeout.Token);
        bot._process.WaitForExit(); // the output read to its end
        return (bot._process.ExitCode, [.. bot.Log.Where(l => l.Length > 0)]);
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        _data.Dispose();
    }
}
