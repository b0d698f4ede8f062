using System.CommandLine;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using NewsBot.Core.Search;
using NewsBot.Core.Storage;
using Spectre.Console;

namespace NewsBot.Cli.Commands;

/// <summary><c>search "question"</c> or <c>search --input Q.jsonl --output R.jsonl</c>: ranked passages, as the answer step receives them.</summary>
internal static class SearchCommand
{
    public static Command Create(CliContext context)
    {
        var question = new Argument<string?>("question") { Description = "What to search for", Arity = ArgumentArity.ZeroOrOne };
        var top = new Option<int>("--top") { Description = "How many passages", DefaultValueFactory = _ => 10 };
        var json = new Option<bool>("--json") { Description = "Print JSON" };
        var input = new Option<FileInfo?>("--input") { Description = "JSONL file of questions: {\"qid\":..., \"query\":...} per line" };
        var output = new Option<FileInfo?>("--output") { Description = "JSONL file to write the results of --input to" };
        var source = new Option<string[]>("--source") { Description = "Only these outlets (may be repeated)" };
        var from = new Option<DateTimeOffset?>("--from") { Description = "Only articles published on or after this date" };
        var to = new Option<DateTimeOffset?>("--to") { Description = "Only articles published before this date" };
        var command = new Command("search", "Find the passages that best match a question (hybrid keyword + vector search)")
        {
            question, top, json, input, output, source, from, to,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var count = parse.GetValue(top);
            if (count < 1)
            {
                throw new CliException("--top must be at least 1.");
            }

            var filter = new SearchFilter { Sources = parse.GetValue(source) ?? [], From = parse.GetValue(from), To = parse.GetValue(to) };
            var (text, inputFile, outputFile) = (parse.GetValue(question), parse.GetValue(input), parse.GetValue(output));
            if (inputFile is null == string.IsNullOrWhiteSpace(text))
            {
                throw new CliException("Give either a question or --input QUERIES.jsonl (with --output RESULTS.jsonl).");
            }

            await using var services = context.Services(parse);
            var search = services.GetRequiredService<NewsSearch>();
            if (inputFile is not null)
            {
                if (outputFile is null)
                {
                    throw new CliException("--input needs --output RESULTS.jsonl.");
                }

                var lines = QuestionFile.Read(inputFile);
                var skipped = QuestionFile.Report(inputFile, lines, context.Error);
                await SearchBatchAsync(search, lines, outputFile, filter, count, cancellationToken);
                var searched = lines.Count - skipped;
                context.Error.WriteLine($"{Counted.Of(searched, "question")} searched{(skipped > 0 ? $", {Counted.Of(skipped, "line")} skipped" : "")}; results in {outputFile.FullName}");
                return searched > 0 || lines.Count == 0 ? ExitCodes.Ok : ExitCodes.NothingDone;
            }

            var hits = await search.SearchAsync(text!, filter, count, cancellationToken);
            if (parse.GetValue(json))
            {
                context.WriteJson(new SearchResultLine(null, text!, ToResults(hits)));
            }
            else
            {
                Print(context.Console(), hits);
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static Task SearchBatchAsync(NewsSearch search, IReadOnlyList<QuestionLine> lines, FileInfo output, SearchFilter filter, int top, CancellationToken cancellationToken) =>
        JsonLines.WriteAtomicallyAsync(output, lines, async (q, ct) => q.IsQuestion
            ? new SearchResultLine(q.Qid, q.Query!, ToResults(await search.SearchAsync(q.Query!, filter, top, ct)))
            : (object)new SkippedLine(q.Line, q.Qid, q.Error!), cancellationToken);

    private static IReadOnlyList<SearchResult> ToResults(IReadOnlyList<PassageHit> hits) =>
        hits.Select((h, i) => new SearchResult(i + 1, h.ArticleId, h.Title, h.Source, h.PublishedAt, h.Url, h.Text, Math.Round(h.Score, 6), h.AlsoReportedBy)).ToArray();

    private static void Print(IAnsiConsole console, IReadOnlyList<PassageHit> hits)
    {
        if (hits.Count == 0)
        {
            console.WriteLine("No matching passages.");
            return;
        }

        for (var i = 0; i < hits.Count; i++)
        {
            var hit = hits[i];
            var date = hit.PublishedAt?.ToString("yyyy-MM-dd") ?? "undated";
            console.MarkupLine($"[bold]{i + 1}. {Markup.Escape(hit.Title)}[/] [grey]({Markup.Escape(hit.Source ?? "unknown outlet")}, {date}, score {hit.Score:F3})[/]");
            if (hit.AlsoReportedBy.Count > 0)
            {
                console.MarkupLine($"   [grey]also reported by {Markup.Escape(string.Join(", ", hit.AlsoReportedBy))}[/]");
            }
            if (hit.Url is not null)
            {
                console.MarkupLine($"   [blue]{Markup.Escape(hit.Url)}[/]");
            }

            var body = hit.Text[(hit.Text.IndexOf('\n') + 1)..];
            console.WriteLine("   " + (body.Length > 240 ? body[..240] + "…" : body));
        }
    }

    private sealed record SearchResultLine(JsonElement? Qid, string Query, IReadOnlyList<SearchResult> Results);

    private sealed record SearchResult(int Rank, string ArticleId, string Title, string? Source, DateTimeOffset? PublishedAt, string? Url, string Text, double Score, IReadOnlyList<string> AlsoReportedBy);
}
