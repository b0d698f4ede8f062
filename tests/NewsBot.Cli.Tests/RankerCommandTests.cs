using NewsBot.Testing;
using Xunit;

namespace NewsBot.Cli.Tests;

/// <summary>Training the ranking model from the command line, and the per-type retrieval figures it is judged by.</summary>
public sealed class RankerCommandTests(SampleStoreFixture store) : IClassFixture<SampleStoreFixture>
{
    [Fact]
    public async Task Retrieval_eval_reports_each_question_type_on_its_own()
    {
        var result = await Cli.JsonAsync("eval", "retrieval", RepositoryPaths.Of("samples", "questions.jsonl"), "--data", store.Data, "--json");
        var byType = result.GetProperty("by_type");

        Assert.True(byType.GetProperty("inference_query").GetProperty("questions").GetInt32() > 0);
        foreach (var type in byType.EnumerateObject())
        {
            foreach (var figure in new[] { "hits_at_10", "hits_at_4", "mrr_at_10", "map_at_10", "all_at_10" })
            {
                Assert.InRange(type.Value.GetProperty(figure).GetDouble(), 0, 1);
            }
        }

        Assert.True(result.GetProperty("latency_ms_p95").GetDouble() > 0);

        // Timed after the search has warmed up as the bot does, on questions of its own.
        Assert.InRange(result.GetProperty("warm_up_rounds").GetInt32(), 1, 40);
    }

    [Fact]
    public async Task A_model_trained_with_folds_reports_them_and_is_used_when_named_in_the_settings()
    {
        using var directory = new TempDirectory();
        var model = Path.Combine(directory.Path, "ranker.zip");

        var details = Path.Combine(directory.Path, "held-out.jsonl");

        var result = await Cli.JsonAsync("eval", "ranker", RepositoryPaths.Of("samples", "questions.jsonl"), "--data", store.Data, "--folds", "2", "--out", model, "--details", details, "--top", "20");

        Assert.Equal(2, result.GetProperty("per_fold").GetArrayLength());
        var questions = result.GetProperty("cross_validated").GetProperty("learned").GetProperty("all").GetProperty("questions").GetInt32();
        Assert.True(questions >= 10);
        Assert.True(File.Exists(model));
        var description = await File.ReadAllTextAsync(Path.ChangeExtension(model, ".json"));
        Assert.Contains("\"cross_validated\"", description, StringComparison.Ordinal);
        Assert.Contains("\"neighbour_diversity\"", description, StringComparison.Ordinal);

        // Each question as the model that did not learn from it ranked it: its fold, and where each fact was found.
        var lines = (await File.ReadAllLinesAsync(details)).Select(l => System.Text.Json.JsonDocument.Parse(l).RootElement).ToArray();
        Assert.Equal(questions, lines.Length);
        Assert.All(lines, l => Assert.InRange(l.GetProperty("fold").GetInt32(), 1, 2));
        Assert.All(lines, l => Assert.Equal(l.GetProperty("fused_fact_ranks").GetArrayLength(), l.GetProperty("fact_ranks").GetArrayLength()));
        Assert.All(lines, l => Assert.InRange(l.GetProperty("passages").GetArrayLength(), 1, 20));
        Assert.Contains(lines, l => l.GetProperty("passages").GetArrayLength() > 10);

        var hits = await Cli.JsonAsync("search", "How much will the eastern tram line cost?", "--data", store.Data, "--set", "Search:RankerModel=" + model, "--json");

        Assert.Contains("tram", hits.GetProperty("results")[0].GetProperty("title").GetString()!, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_details_file_that_cannot_be_written_stops_training_before_any_work()
    {
        using var directory = new TempDirectory();
        var model = Path.Combine(directory.Path, "ranker.zip");

        var (code, _, error) = await Cli.RunAsync(
            "eval", "ranker", RepositoryPaths.Of("samples", "questions.jsonl"), "--data", store.Data, "--out", model, "--details", Path.Combine(directory.Path, "missing", "details.jsonl"));

        Assert.Equal(2, code);
        Assert.Contains("cannot write the details file", error, StringComparison.Ordinal);
        Assert.False(File.Exists(model));
    }

    [Theory]
    [InlineData("--folds", "0", "--folds must be at least 1")]
    [InlineData("--seed", "1", "no question with evidence facts")]
    public async Task Training_without_anything_to_learn_from_says_so(string option, string value, string message)
    {
        using var directory = new TempDirectory();
        var questions = Path.Combine(directory.Path, "questions.jsonl");
        await File.WriteAllTextAsync(questions, "{\"query\": \"What is not in the news?\", \"answer\": \"Insufficient information.\", \"question_type\": \"null_query\"}\n");

        var (code, _, error) = await Cli.RunAsync("eval", "ranker", questions, "--data", store.Data, "--out", Path.Combine(directory.Path, "r.zip"), option, value);

        Assert.Equal(2, code);
        Assert.Contains(message, error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(directory.Path, "r.zip")));
    }
}
