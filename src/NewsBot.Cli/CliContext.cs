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

    /// <summary>
    /// Where results go. On a terminal, as wide as it is; in a pipe or a file, tables are not wrapped at 80 columns
    /// (the width is unlimited), with no colours or cursor moves.
    /// </summary>
    public IAnsiConsole Console()
    {
        var terminal = ReferenceEquals(Output, System.Console.Out) && !System.Console.IsOutputRedirected;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(Output),
            Interactive = terminal ? InteractionSupport.Yes : InteractionSupport.No,
            Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
        });
        if (!terminal)
        {
            console.Profile.Width = UnwrappedWidth;
        }

        return console;
    }

    /// <summary>Whether progress is shown: only on a terminal, and on standard error, so piped output holds results alone.</summary>
    public bool ShowsProgress => ReferenceEquals(Error, System.Console.Error) && !System.Console.IsErrorRedirected;

    /// <summary>The console progress bars are drawn on (standard error).</summary>
    public IAnsiConsole ProgressConsole() => AnsiConsole.Create(new AnsiConsoleSettings
    {
        Out = new AnsiConsoleOutput(Error),
        Interactive = InteractionSupport.Yes,
        Ansi = AnsiSupport.Detect,
    });

    private const int UnwrappedWidth = 4096;

    public void WriteJson<T>(T value) => Output.WriteLine(JsonSerializer.Serialize(value, Json));
}
