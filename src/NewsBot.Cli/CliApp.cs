using System.CommandLine;
using NewsBot.Cli.Commands;
using NewsBot.Core;
using NewsBot.Core.Settings;
using NewsBot.Core.Storage;

namespace NewsBot.Cli;

/// <summary>The newsbot command line: ingest, search, ask, stats, delete, eval.</summary>
internal static class CliApp
{
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        var context = new CliContext(output, error);
        var root = new RootCommand("NewsBot: answers questions about the news, with citations.")
        {
            IngestCommand.Create(context),
            SearchCommand.Create(context),
            AskCommand.Create(context),
            StatsCommand.Create(context),
            DeleteCommand.Create(context),
            EvalCommand.Create(context),
            TeamsPackageCommand.Create(context),
            MigrateCommand.Create(context),
        };
        root.Options.Add(context.Data);
        root.Options.Add(context.Set);

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var parseError in parse.Errors)
            {
                await error.WriteLineAsync("error: " + parseError.Message);
            }

            await error.WriteLineAsync("Run 'newsbot --help' for usage.");
            return ExitCodes.Usage;
        }

        try
        {
            return await parse.InvokeAsync(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false }, cancellationToken);
        }
        catch (CliException ex)
        {
            await error.WriteLineAsync("error: " + ex.Message);
            return ex.ExitCode;
        }
        catch (Exception ex) when (ex is StoreUnavailableException or EmbeddingModelMismatchException)
        {
            await error.WriteLineAsync("error: " + ex.Message);
            return ExitCodes.StoreUnusable;
        }
        catch (IOException ex) when (ex.HResult == 28 || ex.Message.Contains("No space left", StringComparison.OrdinalIgnoreCase))
        {
            await error.WriteLineAsync("error: the disk is full: " + ex.Message);
            return ExitCodes.StoreUnusable;
        }
        catch (NewsBotConfigurationException ex)
        {
            await error.WriteLineAsync("error: " + SettingsErrors.Explain(ex));
            return SettingsErrors.ExitCode;
        }
    }
}
