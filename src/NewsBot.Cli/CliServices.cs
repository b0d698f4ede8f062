using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using NewsBot.Core.Settings;
using NewsBot.Providers;

namespace NewsBot.Cli;

/// <summary>Configuration (appsettings.json, NEWSBOT_ environment variables, --data and --set) and the services built from it.</summary>
internal static class CliServices
{
    public static ServiceProvider Build(string? dataDirectory, IEnumerable<string> settings)
    {
        var overrides = new Dictionary<string, string?>();
        foreach (var setting in settings)
        {
            var equals = setting.IndexOf('=');
            if (equals <= 0)
            {
                throw new CliException($"--set expects KEY=VALUE (e.g. Search:DenseWeight=0.5), got '{setting}'.");
            }

            overrides[setting[..equals].Trim()] = setting[(equals + 1)..].Trim();
        }

        if (!string.IsNullOrWhiteSpace(dataDirectory))
        {
            overrides["VectorStore:DataDirectory"] = dataDirectory;
        }

        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddEnvironmentVariables("NEWSBOT_")
            .AddInMemoryCollection(overrides)
            .Build();

        var services = new ServiceCollection()
            .AddLogging(logging => logging
                .AddConfiguration(configuration.GetSection("Logging"))
                .AddSimpleConsole(console => console.SingleLine = true)
                .AddFilter(level => level >= LogLevel.Warning)
                .Services.Configure<ConsoleLoggerOptions>(console => console.LogToStandardErrorThreshold = LogLevel.Trace))
            .AddNewsBot(configuration)
            .BuildServiceProvider();
        try
        {
            // A --set key that names no setting would be ignored: say so instead.
            var sections = services.GetServices<SettingSection>().ToArray();
            if (overrides.Keys.Where(k => k != "VectorStore:DataDirectory").Select(k => SettingValues.Unknown(k, sections)).FirstOrDefault(w => w is not null) is { } unknown)
            {
                throw new CliException("--set " + unknown);
            }

            // The CLI has no host to run start-up validation, so run it here: bad settings fail before any work.
            services.GetRequiredService<IStartupValidator>().Validate();
        }
        catch (Exception ex) when (ex is CliException or OptionsValidationException)
        {
            services.Dispose();
            throw ex as CliException ?? new CliException(SettingsErrors.Explain(ex)!);
        }

        return services;
    }
}
