using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using NewsBot.Core.Storage;
using NewsBot.Core.Stories;
using Spectre.Console;

namespace NewsBot.Cli.Commands;

/// <summary><c>stats [--json]</c>: what the store holds.</summary>
internal static class StatsCommand
{
    public static Command Create(CliContext context)
    {
        var json = new Option<bool>("--json") { Description = "Print JSON" };
        var command = new Command("stats", "Show what the store holds") { json };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var services = context.Services(parse);
            var stats = await services.GetRequiredService<INewsStore>().GetStatsAsync(cancellationToken);
            var counts = await services.GetRequiredService<IStoryIndex>().CountAsync(cancellationToken);
            if (parse.GetValue(json))
            {
                context.WriteJson(new
                {
                    articles = stats.Articles,
                    passages = stats.Passages,
                    sources = stats.Sources,
                    oldest = stats.Oldest,
                    newest = stats.Newest,
                    embedding_model = stats.EmbeddingModel?.ModelId,
                    dimensions = stats.EmbeddingModel?.Dimensions,
                    location = stats.Location,
                    stories = counts.Stories,
                    duplicates = counts.Duplicates,
                });
            }
            else
            {
                var grid = new Grid().AddColumn().AddColumn();
                grid.AddRow("articles", stats.Articles.ToString());
                grid.AddRow("passages", stats.Passages.ToString());
                grid.AddRow("outlets", stats.Sources.ToString());
                grid.AddRow("stories", counts.Stories.ToString());
                grid.AddRow("copies of another article", counts.Duplicates.ToString());
                grid.AddRow("published", stats.Oldest is null ? "-" : $"{stats.Oldest:yyyy-MM-dd} to {stats.Newest:yyyy-MM-dd}");
                grid.AddRow("embedding model", stats.EmbeddingModel?.ToString() ?? "-");
                grid.AddRow("store", Markup.Escape(stats.Location));
                context.Console().Write(grid);
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
