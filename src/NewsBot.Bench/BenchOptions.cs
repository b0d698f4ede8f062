using System.Globalization;

namespace NewsBot.Bench;

/// <summary>--count, --seconds, --conversations, --passages, --output, --turns FILE, --questions FILE, --data DIR and --set KEY=VALUE (a bot setting).</summary>
public sealed class BenchOptions
{
    public int Count { get; private set; } = 1000;

    public int Seconds { get; private set; }

    public int Conversations { get; private set; } = 20;

    public string? Output { get; private set; }

    /// <summary>The load benchmark writes every turn here as CSV: when it started (ms into the run), its latency, the question's length.</summary>
    public string? Turns { get; private set; }

    /// <summary>A questions file (JSONL with "query" or "question", or one question per line): each asked once, never again.</summary>
    public string? Questions { get; private set; }

    /// <summary>A data directory whose stores the bot starts on (copied first, so the bench never changes it).</summary>
    public string? Data { get; private set; }

    /// <summary>Corpus sizes for the search benchmark, e.g. --passages 10000,100000.</summary>
    public List<int> Passages { get; } = [];

    public Dictionary<string, string> Settings { get; } = [];

    /// <summary>The search benchmark also measures an HNSW graph over the same passages (minutes at a million).</summary>
    public bool Hnsw { get; private set; }

    /// <summary>The search benchmark writes its passages into an embedded store in this directory (kept, and reused by a later run of the same size) and searches it as the bot does.</summary>
    public string? Archive { get; private set; }

    /// <summary>With --archive: a graph already beside the store is read back, not built again.</summary>
    public bool KeepGraph { get; private set; }

    public string? Error { get; private set; }

    public static BenchOptions Parse(string[] args)
    {
        var options = new BenchOptions();
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            switch (args[i])
            {
                case "--count" when Positive(value, out var n): options.Count = n; i++; break;
                case "--seconds" when Positive(value, out var n): options.Seconds = Math.Min(n, 600); i++; break;
                case "--conversations" when Positive(value, out var n): options.Conversations = Math.Min(n, 1000); i++; break;
                case "--output" when value is not null: options.Output = value; i++; break;
                case "--turns" when value is not null: options.Turns = value; i++; break;
                case "--questions" when value is not null: options.Questions = value; i++; break;
                case "--data" when value is not null: options.Data = value; i++; break;
                case "--hnsw": options.Hnsw = true; break;
                case "--archive" when value is not null: options.Archive = value; i++; break;
                case "--keep-graph": options.KeepGraph = true; break;
                case "--passages" when value is not null && value.Split(',').All(v => Positive(v, out _)):
                    options.Passages.AddRange(value.Split(',').Select(v => int.Parse(v, CultureInfo.InvariantCulture))); i++; break;
                case "--set" when value?.Split('=', 2) is [var key, var setting]: options.Settings["NEWSBOT_" + key.Replace(":", "__", StringComparison.Ordinal)] = setting; i++; break;
                default: options.Error = $"unknown or incomplete option '{args[i]}'"; return options;
            }
        }

        return options;
    }

    private static bool Positive(string? text, out int value) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out value) && value > 0;
}
