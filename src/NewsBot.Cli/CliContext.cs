using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace NewsBot.Cli;

/// <summary>What every verb shares: the writers, the global options, JSON settings and the services.</summary>
internal sealed class CliContext(TextWriter output, TextWriter error)
{
    public static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public TextWriter Output { get; } = output;

    public TextWriter Error { get; } = error;

    public Option<string?> Data { get; } = new("--data")
    {
        Description = "Data directory of the embedded store (default: VectorStore:DataDirectory, else the user's local app data)",
        Recursive = true,
    };

    public Option<string[]> Set { get; } = new("--set")
    {
        Description = "Override a setting, KEY=VALUE (e.g. Search:DenseWeight=0.5); may be repeated",
        Recursive = true,
        AllowMultipleArgumentsPerToken = false,
    };

    public ServiceProvider Services(ParseResult parse) =>
        CliServices.Build(parse.GetValue(Data), parse.GetValue(Set) ?? []);

    public IAnsiConsole Console() => AnsiConsole.Create(new AnsiConsoleSettings
    {
        Out = new AnsiConsoleOutput(Output),
        Interactive = ReferenceEquals(Output, System.Console.Out) && !System.Console.IsOutputRedirected ? InteractionSupport.Yes : InteractionSupport.No,
        Ansi = ReferenceEquals(Output, System.Console.Out) && !System.Console.IsOutputRedirected ? AnsiSupport.Detect : AnsiSupport.No,
    });

    public void WriteJson<T>(T value) => Output.WriteLine(JsonSerializer.Serialize(value, Json));
}
