using System.Text.Json;
using NewsBot.Testing;
using Xunit;

namespace NewsBot.Cli.Tests;

/// <summary>The ask contract: answer, declined, and citations with everything a user needs to check them.</summary>
public sealed class AskCommandTests(SampleStoreFixture store) : IClassFixture<SampleStoreFixture>
{
    [Fact]
    public async Task Ask_answers_with_citations_that_name_title_outlet_date_link_and_quote()
    {
        var result = await Cli.JsonAsync("ask", "Where will NATO open its liaison office?", "--data", store.Data, "--json");

        Assert.Contains("Tokyo", result.GetProperty("answer").GetString(), StringComparison.Ordinal);
        Assert.False(result.GetProperty("declined").GetBoolean());
        var citation = result.GetProperty("citations")[0];
        Assert.Equal(1, citation.GetProperty("n").GetInt32());
        Assert.Equal("nw-2026-11-02-nato-tokyo", citation.GetProperty("article_id").GetString());
        Assert.Equal("Northern Wire", citation.GetProperty("source").GetString());
        Assert.StartsWith(SampleDates.Day("2026-11-02"), citation.GetProperty("published_at").GetString(), StringComparison.Ordinal);
        Assert.Equal("https://northern-wire.example/world/nato-tokyo-liaison-office", citation.GetProperty("url").GetString());
        Assert.Contains("Tokyo", citation.GetProperty("quote").GetString(), StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(citation.GetProperty("title").GetString()));
    }

    [Theory]
    [InlineData("which outlets do you cover?")]
    [InlineData("What news sources do you have")]
    public async Task Ask_answers_what_outlets_it_reads_as_the_bot_does(string question)
    {
        var result = await Cli.JsonAsync("ask", question, "--data", store.Data, "--json");

        Assert.False(result.GetProperty("declined").GetBoolean());
        Assert.StartsWith("I read 5 outlets: Civic Ledger, Harbour Times, Metro Signal, Northern Wire, Pacific Dispatch. 14 articles, from ",
            result.GetProperty("answer").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Asking_an_empty_store_says_how_to_get_news()
    {
        using var empty = new TempDirectory();

        var (code, output, error) = await Cli.RunAsync("ask", "What happened yesterday?", "--data", empty.Path);

        Assert.Equal(0, code);
        Assert.Contains("I don't have any news stored yet", output, StringComparison.Ordinal);
        Assert.Contains("ingest samples/news.jsonl", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Batch_ask_writes_one_answer_per_question_and_declines_what_the_news_does_not_cover()
    {
        using var files = new TempDirectory();
        var input = files.File("q.jsonl", """
            {"qid":7,"query":"Which team won the coastal football league?"}
            {"qid":"x","query":"What is the boiling point of liquid nitrogen?"}
            """);
        var output = Path.Combine(files.Path, "a.jsonl");

        var (code, _, error) = await Cli.RunAsync("ask", "--input", input, "--output", output, "--data", store.Data);

        Assert.Equal(0, code);
        Assert.Contains("2 questions answered", error, StringComparison.Ordinal);
        var lines = File.ReadAllLines(output).Select(l => JsonDocument.Parse(l).RootElement).ToArray();
        Assert.Equal(7, lines[0].GetProperty("qid").GetInt32());
        Assert.Contains("Mariners", lines[0].GetProperty("answer").GetString(), StringComparison.Ordinal);
        Assert.Equal("x", lines[1].GetProperty("qid").GetString());
        Assert.True(lines[1].GetProperty("declined").GetBoolean());
        Assert.Equal(0, lines[1].GetProperty("citations").GetArrayLength());
    }

    [Fact]
    public async Task A_bad_line_in_a_questions_file_is_reported_by_line_and_the_other_questions_are_answered()
    {
        using var files = new TempDirectory();
        var input = files.File("q.jsonl", "{\"qid\":1,\"query\":\"Which team won the coastal football league?\"}\n{\"qid\":2}\nnot json\n{\"qid\":4,\"query\":\"Where will NATO open its liaison office?\"}\n");
        var output = Path.Combine(files.Path, "a.jsonl");

        var (code, _, error) = await Cli.RunAsync("ask", "--input", input, "--output", output, "--data", store.Data);

        Assert.Equal(0, code);
        Assert.Contains("q.jsonl:2: the line has no \"query\" string; skipped.", error, StringComparison.Ordinal);
        Assert.Contains("q.jsonl:3: malformed JSON", error, StringComparison.Ordinal);
        Assert.Contains("2 questions answered, 2 lines skipped", error, StringComparison.Ordinal);
        var lines = File.ReadAllLines(output).Select(l => JsonDocument.Parse(l).RootElement).ToArray();
        Assert.Equal(4, lines.Length);
        Assert.Contains("Mariners", lines[0].GetProperty("answer").GetString(), StringComparison.Ordinal);
        Assert.Equal(2, lines[1].GetProperty("qid").GetInt32());
        Assert.Contains("no \"query\"", lines[1].GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal(3, lines[2].GetProperty("line").GetInt32());
        Assert.Contains("Tokyo", lines[3].GetProperty("answer").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_questions_file_with_no_readable_question_answers_nothing_and_says_so()
    {
        using var files = new TempDirectory();
        var input = files.File("q.jsonl", "{\"qid\":2}\n");
        var output = Path.Combine(files.Path, "a.jsonl");

        var (code, _, error) = await Cli.RunAsync("ask", "--input", input, "--output", output, "--data", store.Data);

        Assert.Equal(1, code);
        Assert.Contains("q.jsonl:1: the line has no \"query\" string", error, StringComparison.Ordinal);
        Assert.Contains("0 questions answered, 1 line skipped", error, StringComparison.Ordinal);
    }
}
