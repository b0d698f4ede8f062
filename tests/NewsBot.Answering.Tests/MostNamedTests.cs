using NewsBot.Answering.Extractive;
using NewsBot.Answering.Retrieval;
using Xunit;

namespace NewsBot.Answering.Tests;

/// <summary>A question asking who gets the name first, in full, cited, when the reports and the quotes agree on it.</summary>
public sealed class MostNamedTests : IAsyncLifetime
{
    private const string Charged = """{"id":"ledgerly-charged","title":"Ledgerly founder charged with fraud","source":"Harbour Times","published_at":"2026-11-24T09:00:00Z","url":"https://harbour-times.example/business/ledgerly-charged","body":"Prosecutors charged Sam Okafor, the founder of the payments start-up Ledgerly, with fraud on Tuesday. Okafor is accused of moving customer deposits into a trading fund he controlled. His lawyers said Okafor would plead not guilty."}""";

    private const string Waiting = """{"id":"ledgerly-customers","title":"Ledgerly customers wait for their money","source":"Civic Ledger","published_at":"2026-11-25T09:00:00Z","url":"https://civic-ledger.example/money/ledgerly-customers","body":"Customers of Ledgerly are still waiting for deposits frozen since the start-up collapsed in October. Court papers say Okafor signed off every transfer to the trading fund. The administrator, Dana Price, said most deposits could be returned by spring."}""";

    private static readonly NewsPassage[] Passages =
    [
        Passage("a", "Ledgerly founder charged with fraud", "Prosecutors charged Sam Okafor, the founder of the payments start-up Ledgerly, with fraud on Tuesday. Okafor is accused of moving customer deposits into a trading fund he controlled."),
        Passage("b", "Ledgerly customers wait for their money", "Court papers say Okafor signed off every transfer to the trading fund. The administrator, Dana Price, said most deposits could be returned by spring."),
    ];

    private NewsBotHost _bot = null!;

    public async Task InitializeAsync() => _bot = await NewsBotHost.StartAsync(extraJsonLines: [Charged, Waiting]);

    [Fact]
    public async Task A_who_question_leads_with_the_name_the_reports_give_in_full_then_quotes_them()
    {
        var answer = await _bot.AskAsync("Who is accused of moving Ledgerly customer deposits into a trading fund?");

        Assert.False(answer.Declined);
        Assert.StartsWith("Named in these reports: **Sam Okafor** [1]", answer.Text, StringComparison.Ordinal);
        Assert.Equal("Ledgerly founder charged with fraud", answer.Citations[0].Title);
        Assert.Contains("Okafor is accused of moving customer deposits", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_name_is_given_in_full_with_the_passages_that_name_it_so()
    {
        var lead = MostNamed.Lead("Who moved the deposits?", "Okafor signed off every transfer to the trading fund [2].", Passages);

        Assert.Equal("Named in these reports: **Sam Okafor** [1].", lead);
    }

    [Fact]
    public void Names_the_question_gives_are_not_an_answer_to_it()
    {
        Assert.Null(MostNamed.Lead("What is Sam Okafor accused of?", "Okafor is accused of moving customer deposits into a trading fund he controlled [1].", Passages));
    }

    [Fact]
    public void No_name_leads_when_the_quotes_do_not_give_it()
    {
        Assert.Null(MostNamed.Lead("Who moved the deposits?", "Most deposits could be returned by spring [2].", Passages));
    }

    [Theory]
    [InlineData("Who founded Ledgerly?", "Sam Okafor", "Okafor", "Benedikt Okafor", "his brother Benedikt Okafor, who ran its marketing")]
    [InlineData("Who discovered the comet?", "Elin Varga", "Varga", "Mattias Varga", "her cousin Mattias Varga, a teacher")]
    [InlineData("Which company builds the tram cars?", "Norrline Rail", "Rail", "Westerbotten Rail", "the rival bidder Westerbotten Rail")]
    public void A_name_sharing_its_last_word_with_one_named_less_is_given_in_the_form_the_reports_name_most(
        string question, string most, string last, string other, string otherClause)
    {
        NewsPassage[] passages =
        [
            Passage("a", $"{most} at the centre", $"Reports say {most} did it. {last} said so on Monday, and {most} confirmed it."),
            Passage("b", "More on the story", $"{most} spoke again. The work also involved {otherClause}."),
        ];

        var lead = MostNamed.Lead(question, $"{last} said so on Monday [1].", passages);

        Assert.Equal($"Named in these reports: **{most}** [1, 2].", lead);
        Assert.DoesNotContain(other, lead, StringComparison.Ordinal);
    }

    private static NewsPassage Passage(string id, string title, string body) => new()
    {
        PassageId = id + "#0",
        ArticleId = id,
        Title = title,
        Source = "Harbour Times",
        Text = $"{title} / Harbour Times 2026-11-24\n{body}",
    };

    public async Task DisposeAsync() => await _bot.DisposeAsync();
}
