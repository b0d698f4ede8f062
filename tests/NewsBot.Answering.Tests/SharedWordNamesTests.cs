using Xunit;

namespace NewsBot.Answering.Tests;

/// <summary>
/// A who-question whose answer shares a word with what it asks about (a comet, a law, a prize named after a person) is
/// answered by the sentence that names that person, not declined as if the name were the question's own.
/// </summary>
public sealed class SharedWordNamesTests : IAsyncLifetime
{
    private static readonly string[] Named =
    [
        """{"id":"comet-varga","title":"Amateur astronomer's comet is named after her","source":"Northern Wire","published_at":"2026-11-28T08:00:00Z","body":"A comet spotted from a garden in Osby has been named Comet Varga. Varga, a retired teacher, discovered the comet through her own telescope in October and reported it to the observatory. Astronomers say the comet will be brightest in February."}""",
        """{"id":"hale-law","title":"Tram safety rules become the Hale Act","source":"Harbour Times","published_at":"2026-11-28T09:00:00Z","body":"The council passed new tram safety rules on Thursday, to be known as the Hale Act. Hale proposed the rules after a near miss at Eastgate last spring. They require barriers at every crossing by 2028."}""",
        """{"id":"lind-prize","title":"First Lindqvist Prize goes to a rural school","source":"Civic Ledger","published_at":"2026-11-28T10:00:00Z","body":"A school in the northern highlands has won the first Lindqvist Prize for teaching economics. Lindqvist founded the prize with her own savings last year. The winning school receives 10,000 for books."}""",
    ];

    private NewsBotHost _bot = null!;

    public async Task InitializeAsync() => _bot = await NewsBotHost.StartAsync(null, Named);

    [Theory]
    [InlineData("Who discovered Comet Varga?", "Varga, a retired teacher, discovered the comet")]
    [InlineData("Who founded the Lindqvist Prize?", "Lindqvist founded the prize")]
    [InlineData("Who proposed the Hale Act?", "Hale proposed the rules")]
    public async Task The_person_a_thing_is_named_after_answers_who(string question, string answer)
    {
        var reply = await _bot.AskAsync(question);

        Assert.False(reply.Declined, reply.Text);
        Assert.Contains(answer, reply.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Who found Comet Varga?", "A comet seen from Osby has been named Comet Varga after the astronomer who found it [1].", "Elin Varga")]
    [InlineData("Who is the Hale Act named after?", "The council passed tram rules to be known as the Hale Act [1].", "Peter Hale")]
    public void A_name_leads_only_where_the_quotes_give_it_not_the_questions_own_name_sharing_a_word(string question, string draft, string person)
    {
        var passage = new Retrieval.NewsPassage
        {
            PassageId = "p#0",
            ArticleId = "p",
            Title = "Named after them",
            Source = "Northern Wire",
            Text = $"Named after them\n{draft.Replace(" [1]", "", StringComparison.Ordinal)} {person}, a retired teacher, saw it first. {person} reported it.",
        };

        Assert.Null(Extractive.MostNamed.Lead(question, draft, [passage], Questions.NameRole.Person));
    }

    public async Task DisposeAsync() => await _bot.DisposeAsync();
}
