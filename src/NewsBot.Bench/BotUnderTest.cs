using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace NewsBot.Bench;

/// <summary>
/// The bot as users run it, in its own process on a free loopback port with a fresh data directory (seeded with the
/// sample news, or a copy of a given data directory's stores), anonymous and rate limits off so the bench reaches every
/// part. Its memory is read from /proc.
/// </summary>
public sealed class BotUnderTest : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _data;

    private BotUnderTest(Process process, string url, string data) => (_process, Url, _data) = (process, url, data);

    public string Url { get; }

    /// <param name="copyFrom">A data directory whose stores (articles, stories) the bot starts on; its conversation state is not copied.</param>
    public static async Task<BotUnderTest> StartAsync(IReadOnlyDictionary<string, string> settings, string? copyFrom = null)
    {
        var root = RepositoryRoot();
        var dll = new[] { "Release", "Debug" }.Select(c => Path.Combine(root, "src", "NewsBot", "bin", c, "net10.0", "NewsBot.dll"))
            .Where(File.Exists).OrderByDescending(File.GetLastWriteTimeUtc).FirstOrDefault()
            ?? throw new InvalidOperationException("Build the bot first: dotnet build -c Release src/NewsBot");
        var data = Path.Combine(Path.GetTempPath(), "newsbot-bench-" + Guid.NewGuid().ToString("N")[..8]);
        var url = $"http://127.0.0.1:{FreePort()}";
        if (copyFrom is not null)
        {
            CopyStores(copyFrom, data);
        }

        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { dll, "--urls", url })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["NEWSBOT_VectorStore__DataDirectory"] = data;
        start.Environment["NEWSBOT_RateLimits__Enabled"] = "false";
        start.Environment["NEWSBOT_Logging__LogLevel__Default"] = "Error";
        foreach (var (key, value) in settings)
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start)!;
        var bot = new BotUnderTest(process, url, data);
        process.OutputDataReceived += (_, e) => bot.Observe(e.Data);
        process.ErrorDataReceived += (_, e) => bot.Observe(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var http = new HttpClient();
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromMinutes(3) && !process.HasExited)
        {
            try
            {
                if ((await http.GetAsync(url + "/healthz")).StatusCode == HttpStatusCode.OK)
                {
                    return bot;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(250);
        }

        await bot.DisposeAsync();
        throw new InvalidOperationException("The bot did not become healthy within 3 minutes.");
    }

    public bool IsRunning => !_process.HasExited;

    /// <summary>The bot's data directory (store, story index, state), for an ingest into the running bot's store.</summary>
    public string DataDirectory => _data;

    /// <summary>Lines the bot logged that say a turn failed unhandled.</summary>
    public int UnhandledErrors => _unhandled;

    /// <summary>Lines the bot logged that contain a given text (only the levels its logging settings let through).</summary>
    public int LinesContaining(string text)
    {
        lock (_lines)
        {
            return _lines.Count(l => l.Contains(text, StringComparison.Ordinal));
        }
    }

    /// <summary>The first lines containing a text, each with the few lines after it (the exception's first lines).</summary>
    public IReadOnlyList<string> Excerpts(string text, int max = 3, int after = 4)
    {
        lock (_lines)
        {
            return _lines.Select((l, i) => (l, i)).Where(x => x.l.Contains(text, StringComparison.Ordinal)).Take(max)
                .Select(x => string.Join("\n    ", _lines.Skip(x.i).Take(after + 1))).ToArray();
        }
    }

    /// <summary>CPU time the bot process has used, user and system, in seconds (from /proc).</summary>
    public double CpuSeconds()
    {
        var fields = File.ReadAllText($"/proc/{_process.Id}/stat").Split(')')[^1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return (long.Parse(fields[11], System.Globalization.CultureInfo.InvariantCulture) + long.Parse(fields[12], System.Globalization.CultureInfo.InvariantCulture)) / 100.0;
    }

    private readonly List<string> _lines = [];
    private int _unhandled;

    private void Observe(string? line)
    {
        if (string.IsNullOrEmpty(line))
        {
            return;
        }

        if (line.Contains("Unhandled error", StringComparison.Ordinal))
        {
            Interlocked.Increment(ref _unhandled);
        }

        lock (_lines)
        {
            if (_lines.Count < 100_000)
            {
                _lines.Add(line);
            }
        }
    }

    /// <summary>The bot process's resident memory in MB: file pages mapped (the store, the runtime's files) included.</summary>
    public double RssMegabytes() => ProcessMemory.ResidentMegabytes(_process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>The bot process's own resident memory in MB (RssAnon: heaps, the model, indexes), without mapped file pages.</summary>
    public double PrivateMegabytes() => ProcessMemory.PrivateMegabytes(_process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        try
        {
            Directory.Delete(_data, recursive: true);
        }
        catch (IOException)
        {
            // Left for the system's temp cleaner.
        }
    }

    private static void CopyStores(string from, string to)
    {
        if (!File.Exists(Path.Combine(from, "newsbot.db")))
        {
            throw new InvalidOperationException($"No embedded store in {from}: ingest into it first (newsbot ingest FILE --data {from}).");
        }

        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from).Where(f => !Path.GetFileName(f).StartsWith("bot-state", StringComparison.Ordinal)))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }
    }

    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "NewsBot.sln")))
            {
                return dir.FullName;
            }
        }

        return Directory.GetCurrentDirectory();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
