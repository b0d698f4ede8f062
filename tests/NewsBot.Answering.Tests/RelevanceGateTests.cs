using Microsoft.Extensions.DependencyInjection;
using NewsBot.Answering.Extractive;
using NewsBot.Answering.Retrieval;
using Xunit;

namespace NewsBot.Answering.Tests;

/// <summary>
/// Passages that sound like the question without sharing its subject: the extractive answerer declines rather than
/// quote them. The case is the shape of the MultiHop-RAG dev split's unanswerable questions, on news written here.
/// </summary>
public sealed class RelevanceGateTests : IAsyncLifetime
{
    private const string Question = "Which chief executive, whose company is based in a city starting with the letter S, faces the hardest choice between growth and cost-cutting?";

    private static readonly NewsPassage[] SoundAlike =
    [
        Passage("layoffs", "Tech layoffs slow as hiring returns", "Technology companies cut fewer jobs in November than in any month this year. The boss of a Stockholm streaming firm said slimming the payroll was vital to weather the downturn. Managers at companies in Seattle and San Jose weighed expansion against savings. Recruiters said demand for engineers was rising again."),
        Passage("forecast", "Economists see slower growth next year", "Economists expect growth to slow next year as higher borrowing costs weigh on investment. Households are expected to keep spending on travel and services. The forecast assumes energy prices stay near today's levels."),
    ];

    private NewsBotHost _bot = null!;

    public async Task InitializeAsync() => _bot = await NewsBotHost.StartAsync();

    [Fact]
    public async Task Sentences_that_only_sound_like_the_question_are_not_quoted()
    {
        var answerer = _bot.Services.GetRequiredService<ExtractiveAnswerer>();

        var best = (await answerer.ScoreAsync(Question, SoundAlike, CancellationToken.None))[0];
        Assert.True(best.Similarity >= 0.60, "close enough in wording to pass the similarity bar alone");

        Assert.Null(await answerer.DraftAsync(Question, SoundAlike, preferRecent: false, CancellationToken.None));
    }

    [Fact]
    public async Task A_question_those_passages_do_answer_is_still_answered()
    {
        var answerer = _bot.Services.GetRequiredService<ExtractiveAnswerer>();

        var draft = await answerer.DraftAsync("What did the boss of the Stockholm streaming firm say about the payroll?", SoundAlike, preferRecent: false, CancellationToken.None);

        Assert.Contains("slimming the payroll was vital", draft, StringComparison.Ordinal);
    }

    private static NewsPassage Passage(string id, string title, string body) => new()
    {
        PassageId = id + "#0",
        ArticleId = id,
        Title = title,
        Source = "Metro Signal",
        PublishedAt = new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero),
        Text = $"{title} · Metro Signal · 2026-11-20\n{body}",
    };

    public async Task DisposeAsync() => await _bot.DisposeAsync();
}
