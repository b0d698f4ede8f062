using System.CommandLine;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using NewsBot.Core.Answering;
using Spectre.Console;

namespace NewsBot.Cli.Commands;

/// <summary><c>ask "question"</c> or <c>ask --input Q.jsonl --output A.jsonl</c>: cited answers.</summary>
internal static class AskCommand
{
    public static Command Create(CliContext context)
    {
        var question = new Argument<string?>("question") { Description = "A question about the news", Arity = ArgumentArity.ZeroOrOne };
        var json = new Option<bool>("--json") { Description = "Print JSON" };
        var input = new Option<FileInfo?>("--input") { Description = "JSONL file of questions: {\"qid\":..., \"query\":...} per line" };
        var output = new Option<FileInfo?>("--output") { Description = "JSONL file to write the answers of --input to" };
        var command = new Command("ask", "Answer a question from the stored news, with citations") { question, json, input, output };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var (text, inputFile, outputFile) = (parse.GetValue(question), parse.GetValue(input), parse.GetValue(output));
            if (inputFile is null == string.IsNullOrWhiteSpace(text))
            {
                throw new CliException("Give either a question or --input QUESTIONS.jsonl (with --output ANSWERS.jsonl).");
            }

            if (inputFile is not null && outputFile is null)
            {
                throw new CliException("--input needs --output ANSWERS.jsonl.");
            }

            await using var services = context.Services(parse);
            var answerer = services.GetRequiredService<INewsAnswerer>();
            if ((await services.GetRequiredService<INewsOverview>().SummaryAsync(cancellationToken)).Stats.Articles == 0)
            {
                // Answering from an empty store only ever declines: say how to get news instead.
                context.Error.WriteLine("No news is stored here yet. Load the sample news with `dotnet run --project src/NewsBot.Cli -- ingest samples/news.jsonl`"
                    + " (add the same --data), ingest your own files, feeds or pages, or start the bot once: it loads the sample news itself.");
            }

            if (inputFile is not null)
            {
                var lines = QuestionFile.Read(inputFile);
                var skipped = QuestionFile.Report(inputFile, lines, context.Error);
                await JsonLines.WriteAtomicallyAsync(outputFile!, lines, async (q, ct) => q.IsQuestion
                    ? AnswerLine.From(q.Qid, q.Query!, await answerer.AnswerAsync(new AnswerRequest(q.Query!), cancellationToken: ct))
                    : (object)new SkippedLine(q.Line, q.Qid, q.Error!), cancellationToken);
                var answered = lines.Count - skipped;
                context.Error.WriteLine($"{Counted.Of(answered, "question")} answered{(skipped > 0 ? $", {Counted.Of(skipped, "line")} skipped" : "")}; answers in {outputFile!.FullName}");
                return answered > 0 || lines.Count == 0 ? ExitCodes.Ok : ExitCodes.NothingDone;
            }

            var answer = await answerer.AnswerAsync(new AnswerRequest(text!), cancellationToken: cancellationToken);
            if (parse.GetValue(json))
            {
                context.WriteJson(AnswerLine.From(null, text!, answer));
            }
            else
            {
                Print(context.Console(), answer);
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static void Print(IAnsiConsole console, Answer answer)
    {
        console.WriteLine(answer.Text);
        if (answer.Note is not null)
        {
            console.MarkupLine($"[grey]{Markup.Escape(answer.Note)}[/]");
        }

        if (answer.Citations.Count > 0)
        {
            console.WriteLine();
        }

        foreach (var c in answer.Citations)
        {
            var date = c.PublishedAt?.ToString("yyyy-MM-dd") ?? "undated";
            console.MarkupLine($"[bold][[{c.N}]][/] {Markup.Escape(c.Title)} [grey]({Markup.Escape(c.Source ?? "unknown outlet")}, {date})[/]");
            if (c.AlsoReportedBy.Count > 0)
            {
                console.MarkupLine($"    [grey]also reported by {Markup.Escape(string.Join(", ", c.AlsoReportedBy))}[/]");
            }

            if (c.Url is not null)
            {
                console.MarkupLine($"    [blue]{Markup.Escape(c.Url)}[/]");
            }

            console.MarkupLine($"    [italic]\"{Markup.Escape(c.Quote)}\"[/]");
        }
    }

    private sealed record AnswerLine(JsonElement? Qid, string Query, string Answer, bool Declined, string? Note, IReadOnlyList<CitationLine> Citations)
    {
        public static AnswerLine From(JsonElement? qid, string query, Answer answer) => new(
            qid, query, answer.Text, answer.Declined, answer.Note,
            answer.Citations.Select(c => new CitationLine(c.N, c.ArticleId, c.Title, c.Source, c.PublishedAt, c.Url, c.Quote, c.AlsoReportedBy)).ToArray());
    }

    private sealed record CitationLine(int N, string ArticleId, string Title, string? Source, DateTimeOffset? PublishedAt, string? Url, string Quote, IReadOnlyList<string> AlsoReportedBy);
}
