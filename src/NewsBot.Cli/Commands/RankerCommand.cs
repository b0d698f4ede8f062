using System.CommandLine;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.ML;
using NewsBot.Cli.Evaluation;
using NewsBot.Core.Embeddings;
using NewsBot.Core.Search;
using NewsBot.Core.Storage;
using NewsBot.Core.Stories;
using NewsBot.Ranking;

namespace NewsBot.Cli.Commands;

/// <summary>
/// <c>eval ranker QUESTIONS.jsonl --out FILE</c>: trains the ranking model on questions with gold evidence, after
/// measuring it by k-fold cross-validation (trained on the other folds, scored on each fold through the real search,
/// next to the fused order on the same questions).
/// </summary>
internal static class RankerCommand
{
    public static Command Create(CliContext context)
    {
        var queries = new Argument<FileInfo>("questions") { Description = "JSONL questions with evidence_list[].fact (MultiHop-RAG format)" };
        var output = new Option<FileInfo>("--out") { Description = "Where to write the model (.zip; its description beside it as .json)", Required = true };
        var folds = new Option<int>("--folds") { Description = "Folds for cross-validation (by question); 1 skips it", DefaultValueFactory = _ => 5 };
        var seed = new Option<int>("--seed") { Description = "Seed for the fold assignment", DefaultValueFactory = _ => 1 };
        var details = new Option<FileInfo?>("--details") { Description = "Write one JSON line per question as its held-out fold ranked it (type, fold, the rank where each gold fact is first found in the fused and the learned order, the outlets and passages ranked) to this file" };
        var top = new Option<int>("--top") { Description = "Passages ranked per question in the details file (the figures count the first 10)", DefaultValueFactory = _ => 10 };
        var command = new Command("ranker", "Train the ranking model (LambdaMART) and report its k-fold figures") { queries, output, folds, seed, details, top };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var file = parse.GetValue(queries)!;
            if (!file.Exists)
            {
                throw new CliException($"{file.FullName}: no such file.");
            }

            var k = parse.GetValue(folds);
            if (k < 1)
            {
                throw new CliException("--folds must be at least 1.");
            }

            var questions = GoldQuestion.Load(file.FullName).Where(RetrievalMetrics.IsScorable).ToArray();
            await using var detailWriter = DetailsFile.Open(parse.GetValue(details));
            var count = Math.Max(10, parse.GetValue(top));
            if (questions.Length == 0)
            {
                throw new CliException($"{file.FullName}: no question with evidence facts to learn from.");
            }

            await using var services = context.Services(parse);
            NewsSearch Search(IPassageRanker? ranker) => new(
                services.GetRequiredService<INewsStore>(), services.GetRequiredService<NewsEmbedder>(),
                services.GetRequiredService<IOptions<SearchOptions>>(), services.GetService<ICopyIndex>(), ranker);

            var recorder = new CandidateRecorder();
            var fused = Search(recorder);
            for (var i = 0; i < questions.Length; i++)
            {
                (recorder.Question, recorder.Facts) = (i, RetrievalMetrics.Facts(questions[i]));
                await fused.SearchAsync(questions[i].Query, SearchFilter.None, 10, cancellationToken);
            }

            var ml = new MLContext(seed: 1);
            var trainer = new RankerTrainer(ml);
            var random = new Random(parse.GetValue(seed));
            var fold = Enumerable.Range(0, questions.Length).OrderBy(_ => random.Next()).Select((q, i) => (q, i % k)).ToDictionary(x => x.q, x => x.Item2);
            var before = new RetrievalByType();
            var after = new RetrievalByType();
            var perFold = new List<object>();
            for (var f = 0; k > 1 && f < k; f++)
            {
                var model = trainer.Train(recorder.Groups.Where(g => fold[g.Question] != f).ToArray(), file.Name);
                var learned = Search(new LearnedRanker(model));
                var (foldBefore, foldAfter) = (new RetrievalByType(), new RetrievalByType());
                foreach (var q in fold.Where(x => x.Value == f).Select(x => x.Key).Order())
                {
                    var plain = (await Search(null).SearchAsync(questions[q].Query, SearchFilter.None, count, cancellationToken)).Select(h => h.Text).ToArray();
                    var hits = await learned.SearchAsync(questions[q].Query, SearchFilter.None, count, cancellationToken);
                    var ranked = hits.Select(h => h.Text).ToArray();
                    if (detailWriter is not null)
                    {
                        await detailWriter.WriteLineAsync(JsonSerializer.Serialize(new
                        {
                            query = questions[q].Query,
                            type = questions[q].Type,
                            fold = f + 1,
                            fused_fact_ranks = RetrievalMetrics.FactRanks(questions[q], plain),
                            fact_ranks = RetrievalMetrics.FactRanks(questions[q], ranked),
                            sources = hits.Select(h => h.Source).ToArray(),
                            passages = hits.Select(h => h.PassageId).ToArray(),
                        }, CliContext.Json));
                    }

                    (plain, ranked) = ([.. plain.Take(10)], [.. ranked.Take(10)]);
                    foreach (var (metrics, passages) in new[] { (before, plain), (foldBefore, plain), (after, ranked), (foldAfter, ranked) })
                    {
                        metrics.Add(questions[q], passages);
                    }
                }

                perFold.Add(new { fold = f + 1, diversity = model.Description.Diversity, part_diversity = model.Description.PartDiversity, neighbour_diversity = model.Description.NeighbourDiversity, fused = foldBefore.All.Figures(), learned = foldAfter.All.Figures() });
            }

            var final = trainer.Train(recorder.Groups, file.Name);
            var crossValidated = k > 1 ? after.All : null;
            final = final with
            {
                Description = final.Description with
                {
                    CrossValidated = crossValidated is null ? null : JsonSerializer.SerializeToElement(crossValidated.Figures()).EnumerateObject()
                        .Where(p => p.Value.ValueKind == JsonValueKind.Number).ToDictionary(p => p.Name, p => p.Value.GetDouble()),
                },
            };
            final.Save(ml, parse.GetValue(output)!.FullName);
            var result = new
            {
                questions = questions.Length,
                candidate_lists = recorder.Groups.Count,
                // The ceiling: questions with every gold fact somewhere among their candidates.
                all_in_candidates = Math.Round(recorder.Groups.GroupBy(g => g.Question)
                    .Count(q => q.SelectMany(g => g.Facts.SelectMany(f => f)).Distinct().Count() == q.First().FactCount) / (double)questions.Length, 4),
                folds = k,
                per_fold = perFold,
                cross_validated = k > 1 ? new { fused = before.Figures(), learned = after.Figures() } : null,
                model = parse.GetValue(output)!.FullName,
                diversity = final.Description.Diversity,
                part_diversity = final.Description.PartDiversity,
                neighbour_diversity = final.Description.NeighbourDiversity,
            };
            context.Output.WriteLine(JsonSerializer.Serialize(result, new JsonSerializerOptions(CliContext.Json) { WriteIndented = true }));
            return ExitCodes.Ok;
        });
        return command;
    }
}
