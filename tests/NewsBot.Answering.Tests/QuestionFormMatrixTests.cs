using NewsBot.Answering.Tests.QuestionForms;
using NewsBot.Core.Answering;
using Xunit;
using Xunit.Abstractions;

namespace NewsBot.Answering.Tests;

/// <summary>
/// Every documented question form (about, by outlet, coverage, timeline, latest, follow-up, comparison, date order,
/// who/which/how many/when/where facts, not said, digests, sources, out of scope) asked about every sample story,
/// its subject a person, a place, an organisation and a phrase: each answered from the right story (or declined
/// where it should be), with the right name leading. The test lists every miss, not just the first.
/// </summary>
public sealed class QuestionFormMatrixTests(ITestOutputHelper output) : IAsyncLifetime
{
    private NewsBotHost _bot = null!;

    public async Task InitializeAsync() => _bot = await NewsBotHost.StartAsync();

    [Fact]
    public async Task Every_form_about_every_story_is_answered_from_that_story()
    {
        var cases = QuestionFormCase.Load(Path.Combine(AppContext.BaseDirectory, "QuestionForms", "matrix.json"));
        var misses = new List<string>();
        foreach (var form in cases)
        {
            var history = new List<ConversationTurn>();
            foreach (var earlier in form.History)
            {
                var said = await _bot.AskAsync(earlier, [.. history]);
                history.Add(new ConversationTurn(earlier, said.Text));
            }

            var answer = await _bot.AskAsync(form.Question, [.. history]);
            if (form.Miss(answer) is { } why)
            {
                misses.Add($"{form}: {why}\n    {answer.Text.Split('\n')[0]}");
            }
        }

        output.WriteLine($"{cases.Count} questions, {misses.Count} missed");
        Assert.True(cases.Count > 300, $"The matrix holds {cases.Count} questions.");
        Assert.True(misses.Count == 0, $"{misses.Count} of {cases.Count} questions missed:\n" + string.Join('\n', misses));
    }

    public async Task DisposeAsync() => await _bot.DisposeAsync();
}
