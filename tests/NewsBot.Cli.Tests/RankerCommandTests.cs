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

        var result = await Cli.JsonAsync("eval", "ranker", RepositoryPaths.Of("samples", "questions.jsonl"), "--data", store.Data, "--folds", "2", "--out", model);

        Assert.Equal(2, result.GetProperty("per_fold").GetArrayLength());
        Assert.True(result.GetProperty("cross_validated").GetProperty("learned").GetProperty("all").GetProperty("questions").GetInt32() >= 10);
        Assert.True(File.Exists(model));
        Assert.Contains("\"cross_validated\"", await File.ReadAllTextAsync(Path.ChangeExtension(model, ".json")), StringComparison.Ordinal);

        var hits = await Cli.JsonAsync("search", "How much will the eastern tram line cost?", "--data", store.Data, "--set", "Search:RankerModel=" + model, "--json");

        Assert.Contains("tram", hits.GetProperty("results")[0].GetProperty("title").GetString()!, StringComparison.OrdinalIgnoreCase);
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
