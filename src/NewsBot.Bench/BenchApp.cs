namespace NewsBot.Bench;

/// <summary>The bench verbs: fuzz (malformed requests, bounded), load (concurrent conversations, bounded), search (latency and recall by corpus size) and ingest (rate against the model's own).</summary>
public static class BenchApp
{
    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length == 0 || args[0] is not ("fuzz" or "load" or "search" or "ingest" or "memory"))
        {
            await Console.Error.WriteLineAsync("""
                usage: newsbot-bench fuzz [--count 1000] [--seconds 120]
                       newsbot-bench load [--conversations 20] [--seconds 60] [--questions FILE] [--data DIR] [--output FILE.json] [--turns FILE.csv]
                       newsbot-bench search [--passages 10000,100000,1000000] [--hnsw | --archive DIR [--keep-graph]] [--output FILE.json]
                       newsbot-bench ingest [--count 300] [--output FILE.json]
                       newsbot-bench memory [--passages 100000 | --archive DIR] [--seconds 30] [--output FILE.json]
                """);
            return 2;
        }

        var options = BenchOptions.Parse(args[1..]);
        if (options.Error is not null)
        {
            await Console.Error.WriteLineAsync("error: " + options.Error);
            return 2;
        }

        switch (args[0])
        {
            case "search":
                return await SearchRun.RunAsync(options);
            case "ingest":
                return await IngestRun.RunAsync(options);
            case "memory":
                return await MemoryRun.RunAsync(options);
        }

        var settings = args[0] == "fuzz" ? new Dictionary<string, string>(FuzzRun.BotSettings.Concat(options.Settings).GroupBy(s => s.Key).Select(g => g.Last())) : options.Settings;
        await using var bot = await BotUnderTest.StartAsync(settings, options.Data);
        return args[0] == "fuzz" ? await FuzzRun.RunAsync(bot, options) : await LoadRun.RunAsync(bot, options);
    }
}
