using NewsBot.Testing;
using Xunit;

namespace NewsBot.Answering.Tests;

/// <summary>Questions comparing two outlets' reports get each side, cited and dated; which came first from the dates.</summary>
public sealed class ReportComparisonTests : IAsyncLifetime
{
    private const string Times = """{"id":"bridge-times","title":"Old swing bridge reopens to cyclists","source":"Harbour Times","published_at":"2026-11-18T07:00:00Z","url":"https://harbour-times.example/local/swing-bridge","body":"The old swing bridge over the inner harbour reopened to cyclists and walkers on Tuesday after eight months of repairs. Engineers replaced the rusted gears that had jammed the bridge open since March. The repairs cost 2.3 million euros, the port authority said."}""";

    private const string Courier = """{"id":"bridge-courier","title":"Swing bridge repairs finished, cars still barred","source":"Valley Courier","published_at":"2026-11-21T16:30:00Z","url":"https://valley-courier.example/city/swing-bridge-cars","body":"Cars will not be allowed back on the inner harbour swing bridge until spring, the port authority said on Friday, although the bridge reopened to cyclists this week. The authority wants to test the new gears through the winter storms before heavy traffic returns."}""";

    private NewsBotHost _bot = null!;

    public async Task InitializeAsync() => _bot = await NewsBotHost.StartAsync(extraJsonLines: [Times, Courier]);

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task Both_reports_are_laid_out_each_cited_and_dated_without_a_verdict()
    {
        var answer = await _bot.AskAsync("Do Harbour Times and Valley Courier both report that the swing bridge reopened to cyclists?");

        Assert.False(answer.Declined);
        Assert.Equal(["Harbour Times", "Valley Courier"], answer.Citations.Select(c => c.Source).Order());
        Assert.Contains("- Harbour Times, 18 November 2026:", answer.Text, StringComparison.Ordinal);
        Assert.Contains("- Valley Courier, 21 November 2026:", answer.Text, StringComparison.Ordinal);
        Assert.Contains(Comparison.ReportComparison.NoVerdict, answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_a_model_both_sides_reach_it_and_its_verdict_comes_first_cited()
    {
        await using var model = await FakeChatServer.StartAsync();
        await using var bot = await NewsBotHost.StartAsync(
            new Dictionary<string, string?> { ["Chat:Provider"] = "OpenAICompatible", ["Chat:Endpoint"] = model.Endpoint, ["Chat:Model"] = "test-model" }, Times, Courier);
        string? shown = null;
        model.Then((context, request) =>
        {
            shown = (string)request["messages"]!.AsArray().Last(m => (string?)m!["role"] == "user")!["content"]!;
            var times = Number(shown, "Old swing bridge reopens to cyclists");
            var courier = Number(shown, "Swing bridge repairs finished, cars still barred");
            return FakeChatServer.Reply(context, $"Yes — both report that the swing bridge reopened to cyclists [{times}][{courier}]. Harbour Times says it reopened on Tuesday after eight months of repairs [{times}]. Valley Courier adds that cars will not be allowed back until spring [{courier}].");
        });

        var answer = await bot.AskAsync("Do Harbour Times and Valley Courier both report that the swing bridge reopened to cyclists?");

        Assert.StartsWith("Yes — both report that the swing bridge reopened to cyclists [1][2].", answer.Text, StringComparison.Ordinal);
        Assert.Equal(["Harbour Times", "Valley Courier"], answer.Citations.Select(c => c.Source).Order());
    }

    /// <summary>The number the prompt gave the passage whose header starts with this title.</summary>
    private static int Number(string passages, string title)
    {
        var match = System.Text.RegularExpressions.Regex.Match(passages, @"^=== passage \[(\d+)\] · key [0-9a-f]+ ===\n" + System.Text.RegularExpressions.Regex.Escape(title), System.Text.RegularExpressions.RegexOptions.Multiline);
        Assert.True(match.Success, $"no passage titled '{title}' in the prompt");
        return int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task Which_report_came_first_is_answered_from_the_publication_dates()
    {
        var answer = await _bot.AskAsync("Did the Valley Courier report on cars on the swing bridge come after the Harbour Times report on the bridge repairs?");

        Assert.Contains("By publication date, the Harbour Times report (18 November 2026) came first, then the Valley Courier report (21 November 2026).", answer.Text, StringComparison.Ordinal);
        Assert.Equal(2, answer.Citations.Count);
    }

    [Theory]
    [InlineData("Did Civic Ledger report on the flu vaccine's efficacy in the hospital trial before Metro Signal reported on stronger protection for people under 65?", "Yes. ")]
    [InlineData("Did Northern Wire report on Lake Varden falling to its lowest level after Northern Wire reported on Storm Elsa closing the ports?", "No. ")]
    [InlineData("Did the Valley Courier report on cars on the swing bridge come after the Harbour Times report on the bridge repairs?", "Yes. ")]
    public async Task Dates_give_the_verdict_where_each_report_is_about_what_the_question_says_happened(string question, string verdict)
    {
        var answer = await _bot.AskAsync(question);

        Assert.StartsWith(verdict, answer.Text, StringComparison.Ordinal);
    }

    // A person, an organisation and a place as the named subject. A subject that is a plain phrase ("the eastern tram
    // line being cancelled") is not told apart this way: its own words are what the report holds.
    [Theory]
    [InlineData("Did Metro Signal report on NATO withdrawing from Asia after Civic Ledger reported on the central bank holding its main interest rate?", "Metro Signal")]
    [InlineData("Did Pacific Dispatch report on Mao Ning praising NATO before Northern Wire reported on the liaison office in Tokyo?", "Pacific Dispatch")]
    [InlineData("Did Northern Wire report on Lake Varden freezing over before Pacific Dispatch reported on the Mariners winning the league title?", "Northern Wire")]
    public async Task No_verdict_where_a_report_names_the_subject_but_not_what_the_question_says_happened(string question, string unsure)
    {
        var answer = await _bot.AskAsync(question);

        // Dates cannot decide the order of a report that may not be the one meant (or that is not there): say so
        // first, naming the outlet, then lay out each side; never "Yes"/"No".
        Assert.StartsWith("The reports don't settle this: ", answer.Text, StringComparison.Ordinal);
        Assert.Contains(unsure, answer.Text.Split('\n')[0], StringComparison.Ordinal);
        Assert.DoesNotContain("came first", answer.Text, StringComparison.Ordinal);
    }
}
