using Microsoft.Extensions.DependencyInjection;
using NewsBot.Answering.Questions;
using NewsBot.Core.Answering;
using Xunit;

namespace NewsBot.Answering.Tests;

/// <summary>A question's kind is decided once, where it is understood: every later step dispatches on it.</summary>
public sealed class QuestionKindTests : IAsyncLifetime
{
    private NewsBotHost _bot = null!;

    public async Task InitializeAsync() => _bot = await NewsBotHost.StartAsync();

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Theory]
    [InlineData("Which outlets do you cover?", QuestionKind.Sources)]
    [InlineData("sources", QuestionKind.Sources)]
    [InlineData("What did the Daily Planet report about the tram line?", QuestionKind.OutletsNotHeld)]
    [InlineData("What happened yesterday?", QuestionKind.Digest)]
    [InlineData("What's the latest from Harbour Times?", QuestionKind.Digest)]
    [InlineData("How did the outlets cover the flu vaccine trial?", QuestionKind.Coverage)]
    [InlineData("What does each outlet say about Storm Elsa?", QuestionKind.Coverage)]
    [InlineData("How has the eastern tram line story developed?", QuestionKind.Timeline)]
    [InlineData("Timeline of NATO's Tokyo office", QuestionKind.Timeline)]
    [InlineData("Do Harbour Times and Civic Ledger both report that the tram line will cost more?", QuestionKind.ComparesReports)]
    [InlineData("Where will NATO open its liaison office?", QuestionKind.Fact)]
    [InlineData("Who won the coastal league title?", QuestionKind.Fact)]
    [InlineData("How low is Lake Varden?", QuestionKind.Fact)]
    public async Task Each_kind_is_recognised_for_several_subjects(string question, QuestionKind expected)
    {
        var intent = await _bot.Services.GetRequiredService<QuestionUnderstanding>().UnderstandAsync(new AnswerRequest(question, []), CancellationToken.None);

        Assert.Equal(expected, intent.Kind);
    }
}

/// <summary>Every route ends in the one tail: laid-out and compared reports are verified like any other answer.</summary>
public sealed class OneTailTests : IAsyncLifetime
{
    private NewsBotHost _bot = null!;

    public async Task InitializeAsync() => _bot = await NewsBotHost.StartAsync();

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Theory]
    [InlineData("How did the outlets cover the flu vaccine trial?")]
    [InlineData("How has the eastern tram line story developed?")]
    [InlineData("Timeline of NATO's Tokyo office")]
    [InlineData("Do Harbour Times and Civic Ledger both report on the tram line?")]
    [InlineData("Where will NATO open its liaison office?")]
    public async Task Each_kind_of_answer_is_verified_sentence_by_sentence(string question)
    {
        var answer = await _bot.AskAsync(question);

        Assert.False(answer.Declined, answer.Text);
        Assert.True(answer.Support.Checked >= answer.Citations.Count, $"{answer.Support.Checked} checked for {answer.Citations.Count} citations:\n{answer.Text}");
        Assert.Equal(0, answer.Support.Dropped);
    }
}
