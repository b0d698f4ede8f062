using NewsBot.Bench;

// newsbot-bench fuzz [--count N] [--seconds S] | load [--conversations N] [--seconds S] [--output FILE] [--turns FILE]
return await BenchApp.RunAsync(args);
