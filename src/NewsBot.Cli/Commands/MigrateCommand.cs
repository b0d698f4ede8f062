using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using NewsBot.Core.Storage;
using Spectre.Console;

namespace NewsBot.Cli.Commands;

/// <summary>
/// <c>migrate --from Embedded --to Qdrant</c> (and back): copies articles, passages and vectors between stores without
/// embedding again. Resumable: an article the target already holds unchanged is skipped.
/// </summary>
internal static class MigrateCommand
{
    private static readonly string[] Providers = ["Embedded", "Qdrant"];

    public static Command Create(CliContext context)
    {
        var from = new Option<string>("--from") { Description = "Store to copy from: Embedded or Qdrant", Required = true };
        var to = new Option<string>("--to") { Description = "Store to copy to: Embedded or Qdrant", Required = true };
        var json = new Option<bool>("--json") { Description = "Print one JSON summary instead of progress" };
        var command = new Command("migrate", "Copy all news from one store to another, vectors included") { from, to, json };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var (source, target) = (Provider(parse.GetValue(from)!), Provider(parse.GetValue(to)!));
            if (source == target)
            {
                throw new CliException("--from and --to name the same store.");
            }

            var settings = parse.GetValue(context.Set) ?? [];
            await using var sourceServices = CliServices.Build(parse.GetValue(context.Data), [.. settings, $"VectorStore:Provider={source}"]);
            await using var targetServices = CliServices.Build(parse.GetValue(context.Data), [.. settings, $"VectorStore:Provider={target}"]);
            var sourceStore = sourceServices.GetRequiredService<INewsStore>();
            var targetStore = targetServices.GetRequiredService<INewsStore>();
            var total = (await sourceStore.GetStatsAsync(cancellationToken)).Articles;

            var (copied, skipped, passages) = (0, 0, 0);
            async Task CopyAsync(Action<int>? advance)
            {
                await foreach (var item in sourceStore.ExportAsync(cancellationToken))
                {
                    if (await targetStore.GetContentHashAsync(item.Article.Id, cancellationToken) == item.Article.ContentHash)
                    {
                        skipped++;
                    }
                    else
                    {
                        await targetStore.UpsertArticleAsync(item.Article, item.Passages, item.Model, cancellationToken);
                        copied++;
                        passages += item.Passages.Count;
                    }

                    advance?.Invoke(copied + skipped);
                }
            }

            if (parse.GetValue(json))
            {
                await CopyAsync(null);
                context.WriteJson(new { from = source, to = target, copied, skipped, passages });
            }
            else if (!context.ShowsProgress)
            {
                await CopyAsync(null);
                context.Output.WriteLine($"{copied} articles copied ({passages} passages), {skipped} already there.");
            }
            else
            {
                await context.ProgressConsole().Progress().Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
                    .StartAsync(async progress =>
                    {
                        var task = progress.AddTask($"Copying {source} to {target}", maxValue: Math.Max(1, total));
                        await CopyAsync(done => task.Value = done);
                        task.Value = task.MaxValue;
                    });
                context.Output.WriteLine($"{copied} articles copied ({passages} passages), {skipped} already there.");
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static string Provider(string name) =>
        Providers.FirstOrDefault(p => p.Equals(name, StringComparison.OrdinalIgnoreCase))
        ?? throw new CliException($"'{name}' is not a store: use {string.Join(" or ", Providers)}.");
}
