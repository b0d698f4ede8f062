using System.Text.Json;

namespace NewsBot.Cli.Tests;

/// <summary>Runs the newsbot command line in this process, as a user would type it.</summary>
internal static class Cli
{
    public static string SampleNews => Path.Combine(AppContext.BaseDirectory, "samples", "news.jsonl");

    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await CliApp.RunAsync(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    public static async Task<JsonElement> JsonAsync(params string[] args)
    {
        var (code, output, error) = await RunAsync(args);
        if (code != 0)
        {
            throw new InvalidOperationException($"newsbot {string.Join(' ', args)} exited {code}: {error}");
        }

        return JsonDocument.Parse(output).RootElement.Clone();
    }
}
