using System.CommandLine;
using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using NewsBot.Cli.Evaluation;
using NewsBot.Core.Answering;
using NewsBot.Core.Search;
using NewsBot.Core.Storage;

namespace NewsBot.Cli.Commands;

/// <summary><c>eval retrieval QUERIES.jsonl</c>: retrieval quality and latency on questions with gold evidence (MultiHop-RAG format).</summary>
internal static class EvalCommand
{
    public static Command Create(CliContext context)
    {
        var queries = new Argument<FileInfo>("queries") { Description = "JSONL questions with evidence_list[].fact (MultiHop-RAG format)" };
        var top = new Option<int>("--top") { Description = "Passages per question", DefaultValueFactory = _ => 10 };
        var json = new Option<bool>("--json") { Description = "Print JSON" };
        var details = new Option<FileInfo?>("--details") { Description = "Write one JSON line per question (type, the rank where each gold fact is first found, the outlets and passages ranked) to this file" };
        var retrieval = new Command("retrieval", "Hits@10, Hits@4, MRR@10, MAP@10, all@10 (overall and by question type) and search latency") { queries, top, json, details };
        retrieval.SetAction(async (parse, cancellationToken) =>
        {
            var file = parse.GetValue(queries)!;
            if (!file.Exists)
            {
                throw new CliException($"{file.FullName}: no such file.");
            }

            var questions = GoldQuestion.Load(file.FullName).ToArray();
            await using var detailWriter = DetailsFile.Open(parse.GetValue(details));
            await using var services = context.Services(parse);
            var search = services.GetRequiredService<NewsSearch>();
            var count = Math.Max(10, parse.GetValue(top));
            var metrics = new RetrievalByType();
            var latencies = new List<double>();
            var warmUpRounds = await SearchWarmUp.RunAsync(search, services.GetRequiredService<INewsStore>(), cancellationToken);
            foreach (var question in questions)
            {
                if (!RetrievalMetrics.IsScorable(question))
                {
                    metrics.Add(question, []);
                    continue;
                }

                var started = Stopwatch.GetTimestamp();
                var hits = await search.SearchAsync(question.Query, SearchFilter.None, count, cancellationToken);
                latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                metrics.Add(question, hits.Select(h => h.Text).ToArray());
                if (detailWriter is not null)
                {
                    await detailWriter.WriteLineAsync(JsonSerializer.Serialize(new
                    {
                        query = question.Query,
                        type = question.Type,
                        fact_ranks = RetrievalMetrics.FactRanks(question, hits.Select(h => h.Text).ToArray()),
                        sources = hits.Select(h => h.Source).ToArray(),
                        passages = hits.Select(h => h.PassageId).ToArray(),
                        latency_ms = Math.Round(latencies[^1], 1),
                    }, CliContext.Json));
                }
            }

            latencies.Sort();
            var result = metrics.Summary(latencies);
            result["warm_up_rounds"] = warmUpRounds;
            if (parse.GetValue(json))
            {
                context.WriteJson(result);
            }
            else
            {
                context.Output.WriteLine(JsonSerializer.Serialize(result, new JsonSerializerOptions(CliContext.Json) { WriteIndented = true }));
            }

            return ExitCodes.Ok;
        });

        return new Command("eval", "Measure NewsBot against questions with known answers") { retrieval, Answers(context), Stories(context), RankerCommand.Create(context) };
    }

    /// <summary><c>eval stories QUESTIONS.jsonl</c>: how the story thresholds separate reports of one event from the rest, and the stories the store holds.</summary>
    private static Command Stories(CliContext context)
    {
        var queries = new Argument<FileInfo>("questions") { Description = "JSONL questions with evidence_list[].doc_id and source (MultiHop-RAG format): comparison questions give pairs of reports of one event" };
        var json = new Option<bool>("--json") { Description = "Print JSON" };
        var command = new Command("stories", "Story grouping: share of same-event pairs joined, other pairs joined, per threshold") { queries, json };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var file = parse.GetValue(queries)!;
            if (!file.Exists)
            {
                throw new CliException($"{file.FullName}: no such file.");
            }

            await using var services = context.Services(parse);
            var calibration = new StoryCalibration();
            await foreach (var stored in services.GetRequiredService<INewsStore>().ExportAsync(cancellationToken))
            {
                calibration.Add(stored.Article, Core.Stories.StoryEntry.ArticleVector(stored.Passages.Select(p => p.Vector).ToArray()));
            }

            var options = services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Core.Stories.StoryOptions>>().Value;
            var counts = await services.GetRequiredService<Core.Stories.IStoryIndex>().CountAsync(cancellationToken);
            var result = new
            {
                stories = counts.Stories,
                duplicates = counts.Duplicates,
                window_days = options.WindowDays,
                sweep = calibration.Sweep(StoryCalibration.GoldPairs(file.FullName), options.WindowDays, [0.70, 0.75, 0.78, 0.80, 0.82, 0.84, 0.86, 0.88, 0.90, 0.92, 0.95]),
            };
            context.Output.WriteLine(JsonSerializer.Serialize(result, new JsonSerializerOptions(CliContext.Json) { WriteIndented = !parse.GetValue(json) }));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Answers(CliContext context)
    {
        var queries = new Argument<FileInfo>("questions") { Description = "JSONL questions with answer and question_type (MultiHop-RAG format)" };
        var limit = new Option<int?>("--limit") { Description = "Only the first N questions" };
        var details = new Option<FileInfo?>("--details") { Description = "Write one JSON line per question (answer, declined, relevance) to this file" };
        var json = new Option<bool>("--json") { Description = "Print JSON" };
        var command = new Command("answers", "Answers containing the gold answer, declines, valid citations and latency") { queries, limit, details, json };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var file = parse.GetValue(queries)!;
            if (!file.Exists)
            {
                throw new CliException($"{file.FullName}: no such file.");
            }

            var questions = GoldQuestion.Load(file.FullName).Take(parse.GetValue(limit) ?? int.MaxValue).ToArray();
            await using var detailWriter = DetailsFile.Open(parse.GetValue(details));
            await using var services = context.Services(parse);
            var answerer = services.GetRequiredService<INewsAnswerer>();
            var metrics = new AnswerMetrics(await services.GetRequiredService<INewsStore>().GetSourcesAsync(cancellationToken));
            var latencies = new List<double>();
            // Warm up on a real question, so the first measured one does not pay for loading the model and vectors.
            await answerer.AnswerAsync(new AnswerRequest(questions.FirstOrDefault()?.Query ?? "warm up"), cancellationToken: cancellationToken);
            foreach (var question in questions)
            {
                var started = Stopwatch.GetTimestamp();
                var answer = await answerer.AnswerAsync(new AnswerRequest(question.Query), cancellationToken: cancellationToken);
                latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                metrics.Add(question, answer);
                if (detailWriter is not null)
                {
                    await detailWriter.WriteLineAsync(JsonSerializer.Serialize(new { type = question.Type, query = question.Query, gold = question.Answer, answer = answer.Text, declined = answer.Declined }, CliContext.Json));
                }
            }

            latencies.Sort();
            var result = metrics.Summary(latencies);
            context.Output.WriteLine(JsonSerializer.Serialize(result, new JsonSerializerOptions(CliContext.Json) { WriteIndented = !parse.GetValue(json) }));
            return ExitCodes.Ok;
        });
        return command;
    }
}
