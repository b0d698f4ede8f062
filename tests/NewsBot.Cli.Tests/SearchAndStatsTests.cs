using System.Text.Json;
using NewsBot.Testing;
using Xunit;

namespace NewsBot.Cli.Tests;

/// <summary>The CLI contract other tools depend on: field names, shapes and exit codes.</summary>
public sealed class SearchAndStatsTests(SampleStoreFixture store) : IClassFixture<SampleStoreFixture>
{
    [Fact]
    public async Task Stats_counts_the_sample_news()
    {
        var stats = await Cli.JsonAsync("stats", "--data", store.Data, "--json");

        Assert.Equal(14, stats.GetProperty("articles").GetInt32());
        Assert.True(stats.GetProperty("passages").GetInt32() >= 14);
        Assert.Equal(5, stats.GetProperty("sources").GetInt32());
        Assert.Equal("snowflake-arctic-embed-xs", stats.GetProperty("embedding_model").GetString());
    }

    [Fact]
    public async Task The_sample_news_is_recent_on_the_day_it_is_ingested_so_yesterday_has_news()
    {
        var stats = await Cli.JsonAsync("stats", "--data", store.Data, "--json");
        var yesterday = DateTime.UtcNow.Date.AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        Assert.StartsWith(yesterday, stats.GetProperty("newest").GetString(), StringComparison.Ordinal);

        var answer = await Cli.JsonAsync("ask", "What happened yesterday?", "--data", store.Data, "--json");

        Assert.False(answer.GetProperty("declined").GetBoolean());
        Assert.Contains(answer.GetProperty("citations").EnumerateArray(),
            c => c.GetProperty("article_id").GetString() == "cl-2026-11-27-library-archive"
                && c.GetProperty("published_at").GetString()!.StartsWith(yesterday, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Retrieval_eval_on_the_sample_questions_scores_them_by_their_gold_answers()
    {
        var result = await Cli.JsonAsync("eval", "retrieval", RepositoryPaths.Of("samples", "questions.jsonl"), "--data", store.Data, "--json");

        Assert.Equal(12, result.GetProperty("questions").GetInt32());
        Assert.Equal(2, result.GetProperty("without_evidence").GetInt32());
        Assert.InRange(result.GetProperty("hits_at_10").GetDouble(), 0.9, 1.0);
    }

    [Fact]
    public async Task Retrieval_eval_details_say_where_each_questions_evidence_was_ranked()
    {
        using var output = new TempDirectory();
        var details = Path.Combine(output.Path, "details.jsonl");

        await Cli.JsonAsync("eval", "retrieval", RepositoryPaths.Of("samples", "questions.jsonl"), "--data", store.Data, "--json", "--details", details);

        var lines = File.ReadAllLines(details).Select(l => JsonDocument.Parse(l).RootElement).ToArray();
        Assert.Equal(12, lines.Length); // the two without anything to find are not searched
        Assert.All(lines, line =>
        {
            Assert.False(string.IsNullOrWhiteSpace(line.GetProperty("query").GetString()));
            var passages = line.GetProperty("passages").EnumerateArray().Select(p => p.GetString()).ToArray();
            Assert.Equal(passages.Length, line.GetProperty("sources").GetArrayLength());
            Assert.All(line.GetProperty("fact_ranks").EnumerateArray(), rank => Assert.True(rank.ValueKind == JsonValueKind.Null || rank.GetInt32() is >= 1 and <= 10));
            Assert.True(line.GetProperty("latency_ms").GetDouble() > 0);
        });
        Assert.True(lines.Count(l => l.GetProperty("fact_ranks").EnumerateArray().Any(r => r.ValueKind == JsonValueKind.Number)) >= 11);
    }

    [Theory]
    [InlineData("retrieval")]
    [InlineData("answers")]
    public async Task An_eval_asked_to_write_details_where_it_cannot_says_so_before_any_work(string eval)
    {
        using var output = new TempDirectory();
        var details = Path.Combine(output.Path, "missing-folder", "details.jsonl");

        var (exitCode, _, error) = await Cli.RunAsync("eval", eval, RepositoryPaths.Of("samples", "questions.jsonl"), "--data", store.Data, "--details", details);

        Assert.NotEqual(0, exitCode);
        Assert.Contains("cannot write the details file", error, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Answer_eval_on_the_sample_questions_reports_quality_and_the_share_of_sentences_dropped_as_unsupported()
    {
        var result = await Cli.JsonAsync("eval", "answers", RepositoryPaths.Of("samples", "questions.jsonl"), "--data", store.Data, "--json");

        Assert.Equal(1.0, result.GetProperty("contains_gold_inference_temporal").GetDouble());
        Assert.Equal(1.0, result.GetProperty("null_declined").GetDouble());
        Assert.Equal(0.0, result.GetProperty("answerable_declined").GetDouble());
        Assert.True(result.GetProperty("sentences_checked").GetInt32() >= 12);
        Assert.Equal(0.0, result.GetProperty("sentences_dropped_unsupported").GetDouble());
    }

    [Fact]
    public async Task Search_finds_the_article_that_answers_the_question_with_everything_a_citation_needs()
    {
        var result = await Cli.JsonAsync("search", "Where will NATO open its liaison office?", "--top", "3", "--data", store.Data, "--json");

        var results = result.GetProperty("results").EnumerateArray().ToArray();
        Assert.Equal(3, results.Length);
        var first = results[0];
        Assert.Equal(1, first.GetProperty("rank").GetInt32());
        Assert.Contains("Tokyo", first.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal("https://northern-wire.example/world/nato-tokyo-liaison-office", first.GetProperty("url").GetString());
        Assert.Equal("Northern Wire", first.GetProperty("source").GetString());
        Assert.Equal("nw-2026-11-02-nato-tokyo", first.GetProperty("article_id").GetString());
        Assert.StartsWith(SampleDates.Day("2026-11-02"), first.GetProperty("published_at").GetString(), StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(first.GetProperty("title").GetString()));
        Assert.True(first.GetProperty("score").GetDouble() >= results[1].GetProperty("score").GetDouble());
        Assert.All(results, r => Assert.InRange(r.GetProperty("text").GetString()!.Length, 1, 1500));
    }

    [Fact]
    public async Task Search_filters_by_outlet_and_date()
    {
        var result = await Cli.JsonAsync("search", "flu vaccine efficacy", "--source", "Metro Signal", "--from", SampleDates.Day("2026-11-20"), "--data", store.Data, "--json");

        var results = result.GetProperty("results").EnumerateArray().ToArray();
        Assert.NotEmpty(results);
        Assert.All(results, r => Assert.Equal("Metro Signal", r.GetProperty("source").GetString()));
        Assert.All(results, r => Assert.True(string.CompareOrdinal(r.GetProperty("published_at").GetString(), SampleDates.Day("2026-11-20")) >= 0));
    }

    [Fact]
    public async Task Batch_search_writes_one_line_per_question_with_its_qid()
    {
        using var files = new TempDirectory();
        var input = files.File("q.jsonl", """
            {"qid":"q1","query":"What did the central bank do with interest rates?"}
            {"query":"Who won the coastal league title?"}
            """);
        var output = Path.Combine(files.Path, "r.jsonl");

        var (code, _, error) = await Cli.RunAsync("search", "--input", input, "--output", output, "--top", "5", "--data", store.Data);

        Assert.Equal(0, code);
        Assert.Contains("2 questions", error, StringComparison.Ordinal);
        var lines = File.ReadAllLines(output).Select(l => JsonDocument.Parse(l).RootElement).ToArray();
        Assert.Equal("q1", lines[0].GetProperty("qid").GetString());
        Assert.Equal(JsonValueKind.Null, lines[1].GetProperty("qid").ValueKind);
        Assert.Equal("Who won the coastal league title?", lines[1].GetProperty("query").GetString());
        Assert.Equal(5, lines[0].GetProperty("results").GetArrayLength());
        Assert.Contains("3.25", lines[0].GetProperty("results")[0].GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Contains("Mariners", lines[1].GetProperty("results")[0].GetProperty("title").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_arguments_get_a_clear_error_and_exit_code_2()
    {
        var noQuestion = await Cli.RunAsync("search", "--data", store.Data);
        var badTop = await Cli.RunAsync("search", "tram", "--top", "0", "--data", store.Data);
        var badProvider = await Cli.RunAsync("stats", "--data", store.Data, "--set", "Embeddings:Provider=Telepathy");
        var badSetting = await Cli.RunAsync("stats", "--data", store.Data, "--set", "Search:DenseWeight=99");

        Assert.Equal(2, noQuestion.ExitCode);
        Assert.Contains("Give either a question or --input", noQuestion.Error, StringComparison.Ordinal);
        Assert.Equal(2, badTop.ExitCode);
        Assert.Contains("--top", badTop.Error, StringComparison.Ordinal);
        Assert.Equal(2, badProvider.ExitCode);
        Assert.Contains("Embeddings:Provider 'Telepathy'", badProvider.Error, StringComparison.Ordinal);
        Assert.Equal(2, badSetting.ExitCode);
        Assert.Contains("DenseWeight", badSetting.Error, StringComparison.Ordinal);
    }
}
