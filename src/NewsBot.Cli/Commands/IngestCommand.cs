using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NewsBot.Core.Ingestion;
using NewsBot.Ingestion.Web;
using Spectre.Console;

namespace NewsBot.Cli.Commands;

/// <summary>
/// <c>ingest PATH... [--feeds] [--json]</c>: files, folders and web addresses (pages, feeds) into the store, with
/// progress and a summary; <c>--feeds</c> adds the configured feeds (for a scheduled job).
/// </summary>
internal static class IngestCommand
{
    public static Command Create(CliContext context)
    {
        var paths = new Argument<string[]>("paths") { Description = "Files or folders (.json, .jsonl, .md, .txt, .html, .rss, .atom, .xml) or http(s) addresses of news pages and RSS/Atom feeds", Arity = ArgumentArity.ZeroOrMore };
        var feeds = new Option<bool>("--feeds") { Description = "Also read the feeds configured in Feeds:Urls and Feeds:Sources" };
        var json = new Option<bool>("--json") { Description = "Print one JSON summary instead of progress and tables" };
        var command = new Command("ingest", "Read news articles into the store (idempotent: unchanged articles are skipped)") { paths, feeds, json };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var services = context.Services(parse);
            var pipeline = services.GetRequiredService<IngestionPipeline>();
            var inputs = (parse.GetValue(paths) ?? [])
                .Concat(parse.GetValue(feeds) ? services.GetRequiredService<IOptions<FeedOptions>>().Value.AllUrls : [])
                .ToArray();
            if (inputs.Length == 0)
            {
                throw new CliException(parse.GetValue(feeds)
                    ? "--feeds was given but no feeds are configured: set Feeds:Urls in appsettings.json or with --set Feeds:Urls:0=https://..."
                    : "Name files, folders or web addresses to ingest, or --feeds for the configured feeds.");
            }

            var asJson = parse.GetValue(json);
            var report = asJson
                ? await pipeline.IngestAsync(inputs, cancellationToken: cancellationToken)
                : await IngestWithProgressAsync(context, pipeline, inputs, cancellationToken);

            if (asJson)
            {
                context.WriteJson(new
                {
                    @new = report.New,
                    updated = report.Updated,
                    details_updated = report.DetailsUpdated,
                    unchanged = report.Unchanged,
                    failed = report.Failed,
                    passages = report.PassagesEmbedded,
                    seconds = Math.Round(report.Elapsed.TotalSeconds, 3),
                    passages_per_second = Math.Round(report.PassagesPerSecond, 2),
                    embedding_passages_per_second = Math.Round(report.EmbeddingPassagesPerSecond, 2),
                    errors = report.Outcomes.Where(o => o.Status == IngestStatus.Failed).Select(o => new { location = o.Location, error = o.Error }),
                });
            }
            else
            {
                WriteSummary(context, report);
            }

            return report.AnySucceeded ? ExitCodes.Ok : ExitCodes.NothingDone;
        });
        return command;
    }

    private static async Task<IngestReport> IngestWithProgressAsync(CliContext context, IngestionPipeline pipeline, string[] paths, CancellationToken cancellationToken)
    {
        void OnOutcome(IngestOutcome outcome)
        {
            if (outcome.Status == IngestStatus.Failed)
            {
                context.Error.WriteLine($"{outcome.Location}: {outcome.Error}");
            }
        }

        // In a pipe or a log, no progress lines: the summary alone.
        if (!context.ShowsProgress)
        {
            return await pipeline.IngestAsync(paths, null, OnOutcome, cancellationToken);
        }

        IngestReport? report = null;
        await context.ProgressConsole().Progress()
            .AutoClear(false)
            .HideCompleted(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .StartAsync(async progressContext =>
            {
                var task = progressContext.AddTask("Ingesting", maxValue: 1);
                var progress = new SynchronousProgress<IngestProgress>(p =>
                {
                    task.MaxValue = Math.Max(1, p.ArticlesTotal);
                    task.Value = p.ArticlesDone;
                    var rate = p.Elapsed.TotalSeconds > 0 ? p.PassagesEmbedded / p.Elapsed.TotalSeconds : 0;
                    task.Description = $"Ingesting {p.ArticlesDone}/{p.ArticlesTotal} articles, {rate:F1} passages/s";
                });
                report = await pipeline.IngestAsync(paths, progress, OnOutcome, cancellationToken);
                task.Value = task.MaxValue;
            });
        return report!;
    }

    private static void WriteSummary(CliContext context, IngestReport report)
    {
        var console = context.Console();
        var table = new Table().AddColumns("new", "updated", "details updated", "unchanged", "failed", "passages", "seconds", "passages/s");
        table.AddRow(
            report.New.ToString(), report.Updated.ToString(), report.DetailsUpdated.ToString(), report.Unchanged.ToString(), report.Failed.ToString(),
            report.PassagesEmbedded.ToString(), report.Elapsed.TotalSeconds.ToString("F1"), report.PassagesPerSecond.ToString("F1"));
        console.Write(table);
        if (!report.AnySucceeded)
        {
            context.Error.WriteLine(report.Outcomes.Count == 0 ? "No articles found in the given paths." : "Nothing could be ingested: see the errors above.");
        }
    }

    /// <summary>Reports on the calling thread, so the progress bar never lags behind or races the pipeline.</summary>
    private sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
