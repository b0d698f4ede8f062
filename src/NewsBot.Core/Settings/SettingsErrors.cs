using Microsoft.Extensions.Options;

namespace NewsBot.Core.Settings;

/// <summary>What the bot and the CLI print when settings are wrong: one line, naming the key; null for other failures.</summary>
public static class SettingsErrors
{
    /// <summary>Exit code for bad settings or arguments.</summary>
    public const int ExitCode = 2;

    public static string? Explain(Exception exception) => exception switch
    {
        NewsBotConfigurationException configuration => "Invalid setting: " + configuration.Message,
        OptionsValidationException validation => "Invalid setting: " + string.Join(" ", validation.Failures),
        AggregateException { InnerExceptions.Count: 1 } aggregate => Explain(aggregate.InnerExceptions[0]),
        _ => null,
    };
}
