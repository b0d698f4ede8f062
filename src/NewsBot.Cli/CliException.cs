namespace NewsBot.Cli;

/// <summary>A problem the user can fix (arguments, configuration, input files); reported without a stack trace.</summary>
internal sealed class CliException(string message, int exitCode = ExitCodes.Usage) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}
