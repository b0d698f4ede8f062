namespace NewsBot.Bench;

/// <summary>The bench verbs: fuzz (malformed requests, bounded) and load (concurrent conversations, bounded).</summary>
public static class BenchApp
{
    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length == 0 || args[0] is not ("fuzz" or "load"))
        {
            await Console.Error.WriteLineAsync("usage: newsbot-bench fuzz [--count 1000] [--seconds 120]\n       newsbot-bench load [--conversations 20] [--seconds 60] [--output FILE.json]");
            return 2;
        }

        var options = BenchOptions.Parse(args[1..]);
        if (options.Error is not null)
        {
            await Console.Error.WriteLineAsync("error: " + options.Error);
            return 2;
        }

        await using var bot = await BotUnderTest.StartAsync(options.Settings);
        return args[0] == "fuzz" ? await FuzzRun.RunAsync(bot, options) : await LoadRun.RunAsync(bot, options);
    }
}
