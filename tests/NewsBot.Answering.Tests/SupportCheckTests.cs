using NewsBot.Answering.Retrieval;
using NewsBot.Answering.Verification;
using Xunit;

namespace NewsBot.Answering.Tests;

/// <summary>Each sentence of a draft is kept only when the passages it cites state what it says.</summary>
public sealed class SupportCheckTests
{
    private static readonly NewsPassage[] Passages =
    [
        Passage("quake", "Strong earthquake shakes Corvallo / Alpine Courier 2026-11-25",
            "A magnitude 6.1 earthquake struck near Corvallo on 25 November, injuring 12 people. The epicentre was 8 kilometres east of the town, the national seismic service said."),
        Passage("budget", "Council approves 1,450 million budget / Civic Ledger 2026-11-20",
            "The city council approved a budget of 1,450 million euros on Thursday. Mayor Ines Varga called it a budget for schools."),
        Passage("court", "Court hears the ferry case / Harbour Times 2026-11-21",
            "The ferry operator was sued in the U.S. District Court in Washington, D.C. on Nov. 3, lawyers for the families said."),
    ];

    [Fact]
    public void A_quoted_sentence_with_abbreviations_is_checked_whole_and_kept_as_written()
    {
        const string Draft = "The ferry operator was sued in the U.S. District Court in Washington, D.C. on Nov. 3, lawyers for the families said [3].\n- Civic Ledger: Mayor Ines Varga called it a budget for schools [2].";

        var result = SupportCheck.Keep(Draft, Passages);

        Assert.Equal(0, result.Dropped);
        Assert.Equal(Draft, result.Text);
    }

    [Fact]
    public void A_dropped_sentence_leaves_the_lines_of_a_list_in_place()
    {
        var result = SupportCheck.Keep("Reports differ:\n- Alpine Courier: 12 people were injured near Corvallo [1].\n- Civic Ledger: 40 people were injured [2].", Passages);

        Assert.Equal("Reports differ:\n- Alpine Courier: 12 people were injured near Corvallo [1].", result.Text);
        Assert.Equal(1, result.Dropped);
    }

    [Theory]
    [InlineData("A magnitude 6.1 earthquake struck near Corvallo, injuring 12 people [1].", true)]
    [InlineData("The council approved a 1450 million euro budget [2].", true)]
    [InlineData("Mayor Varga said the budget was for schools [2].", true)]
    [InlineData("The earthquake injured 15 people [1].", false)]
    [InlineData("The moon is made of cheese [2].", false)]
    [InlineData("Mayor Lukas Brenner approved the budget [2].", false)]
    [InlineData("A magnitude 6.1 earthquake struck near Corvallo [2].", false)]
    [InlineData("The earthquake struck near Corvallo [7].", false)]
    [InlineData("Reports differ.", true)]
    [InlineData("About 40 people were hurt.", false)]
    public void A_sentence_is_supported_only_by_what_its_cited_passages_say(string sentence, bool supported) =>
        Assert.Equal(supported, SupportCheck.IsSupported(sentence, Passages));

    [Fact]
    public void Unsupported_sentences_are_dropped_and_counted()
    {
        var result = SupportCheck.Keep("The quake injured 12 people near Corvallo [1]. It was felt on the moon [1]. The EU sent 300 rescuers [1].", Passages);

        Assert.Equal("The quake injured 12 people near Corvallo [1].", result.Text);
        Assert.Equal(1, result.Kept);
        Assert.Equal(2, result.Dropped);
    }

    private static NewsPassage Passage(string id, string header, string body) => new()
    {
        PassageId = id + "#0",
        ArticleId = id,
        Title = header.Split(" / ")[0],
        Text = header + "\n" + body,
    };
}
