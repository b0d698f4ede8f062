using NewsBot.Testing;
using Xunit;

namespace NewsBot.Cli.Tests;

/// <summary>One wire story run by three outlets shows up once, naming the others; a report written apart stays its own.</summary>
public sealed class WireCopiesTests : IAsyncLifetime
{
    private readonly TempDirectory _data = new();

    public async Task InitializeAsync()
    {
        var input = _data.File("wire.jsonl", string.Join("\n", WireCopies.Lines()));
        var (code, _, error) = await Cli.RunAsync("ingest", input, "--data", _data.Path);
        Assert.True(code == 0, error);
    }

    [Fact]
    public async Task Search_shows_one_copy_of_a_wire_story_and_names_the_other_outlets_that_ran_it()
    {
        var result = await Cli.JsonAsync("search", "Ostrel freight train derailment grain wagons", "--data", _data.Path, "--json");

        var results = result.GetProperty("results").EnumerateArray().ToArray();
        var wire = results.Where(r => r.GetProperty("article_id").GetString()!.StartsWith("wire-", StringComparison.Ordinal)).ToArray();
        Assert.Single(wire.Select(r => r.GetProperty("article_id").GetString()).Distinct());
        Assert.Equal(2, wire[0].GetProperty("also_reported_by").GetArrayLength());
        Assert.Contains(results, r => r.GetProperty("article_id").GetString() == "ostrel-scene");
    }

    [Fact]
    public async Task An_answer_cites_the_story_once_and_says_who_else_reported_it()
    {
        var result = await Cli.JsonAsync("ask", "How many wagons overturned near Ostrel?", "--data", _data.Path, "--json");

        Assert.Contains("eleven wagons overturned", result.GetProperty("answer").GetString(), StringComparison.Ordinal);
        var citation = Assert.Single(result.GetProperty("citations").EnumerateArray(), c => c.GetProperty("article_id").GetString()!.StartsWith("wire-", StringComparison.Ordinal));
        var also = citation.GetProperty("also_reported_by").EnumerateArray().Select(e => e.GetString()).ToArray();
        Assert.Equal(2, also.Length);
        Assert.DoesNotContain(citation.GetProperty("source").GetString(), also);
    }

    [Fact]
    public async Task Asking_how_the_outlets_covered_a_story_gives_one_dated_line_per_outlet_with_the_wire_copy_once()
    {
        var result = await Cli.JsonAsync("ask", "How did the outlets cover the Ostrel derailment?", "--data", _data.Path, "--json");

        var answer = result.GetProperty("answer").GetString()!;
        Assert.StartsWith("How each outlet reported it:\n- ", answer, StringComparison.Ordinal);
        Assert.Contains("- Metro Signal, 26 November 2026: ", answer, StringComparison.Ordinal);
        Assert.Equal(2, answer.Split('\n').Count(l => l.StartsWith("- ", StringComparison.Ordinal)));
        Assert.Contains(result.GetProperty("citations").EnumerateArray(), c => c.GetProperty("also_reported_by").GetArrayLength() == 2);
    }

    [Theory]
    [InlineData("Any news?")]
    [InlineData("What did Harbour Times, Valley Courier and Alpine Courier report?")]
    public async Task A_digest_lists_a_wire_story_once_and_says_who_else_ran_it(string question)
    {
        var result = await Cli.JsonAsync("ask", question, "--data", _data.Path, "--json");

        var answer = result.GetProperty("answer").GetString()!;
        Assert.Equal(1, new[] { "Freight train derails near Ostrel", "Grain train comes off the rails at Ostrel", "Ostrel derailment blocks northern line" }
            .Count(title => answer.Contains(title, StringComparison.Ordinal)));
        var wire = Assert.Single(result.GetProperty("citations").EnumerateArray(), c => c.GetProperty("article_id").GetString()!.StartsWith("wire-", StringComparison.Ordinal));
        Assert.Equal(2, wire.GetProperty("also_reported_by").GetArrayLength());
    }

    [Fact]
    public async Task Stats_count_the_copies_and_deleting_the_first_copy_keeps_the_others_grouped()
    {
        var before = await Cli.JsonAsync("stats", "--data", _data.Path, "--json");
        Assert.Equal(2, before.GetProperty("duplicates").GetInt32());

        // Three copies of the wire text and a report written apart: one event, one story.
        Assert.Equal(1, before.GetProperty("stories").GetInt32());

        await Cli.RunAsync("delete", "wire-harbour", "--data", _data.Path);

        var after = await Cli.JsonAsync("stats", "--data", _data.Path, "--json");
        Assert.Equal(1, after.GetProperty("duplicates").GetInt32());
        Assert.Equal(1, after.GetProperty("stories").GetInt32());
    }

    public Task DisposeAsync()
    {
        _data.Dispose();
        return Task.CompletedTask;
    }
}
