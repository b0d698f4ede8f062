using NewsBot.Core.Search;
using NewsBot.Core.Storage;
using Xunit;

namespace NewsBot.Core.Tests;

/// <summary>The name a question's evidence shares, found in the first results of several outlets or articles.</summary>
public sealed class BridgeNamesTests
{
    [Theory]
    [InlineData("Northwind Energy", "Which company, building a wind farm as Harbour Post reported, is hiring engineers according to Valley Ledger?")]
    [InlineData("Ines Okafor", "Who, praised for the budget by Harbour Post, resigned as mayor according to Valley Ledger?")]
    [InlineData("Port Alder", "Which town, where a bridge reopened according to Harbour Post, is holding a ferry vote as Valley Ledger reported?")]
    public void A_name_in_the_first_results_of_two_outlets_ties_their_evidence(string name, string question)
    {
        var lanes = new[]
        {
            Lane("Harbour Post", $"On Monday the plan moved ahead, and {name} said the work would start in spring.", "Other news of the week."),
            Lane("Valley Ledger", "Residents met on Tuesday.", $"Officials said {name} had confirmed it."),
        };

        Assert.Equal([name], BridgeNames.Of(question, lanes, ["Harbour Post", "Valley Ledger"]));
    }

    [Fact]
    public void A_question_that_does_not_ask_for_a_name_has_none_to_find()
    {
        var lanes = new[] { Lane("Harbour Post", "Later Northwind Energy said so."), Lane("Valley Ledger", "Later Northwind Energy agreed.") };

        Assert.Empty(BridgeNames.Of("Did Harbour Post report the wind farm before Valley Ledger did?", lanes, ["Harbour Post", "Valley Ledger"]));
    }

    [Fact]
    public void Names_the_question_gives_outlets_and_sentence_openings_are_not_bridges()
    {
        var lanes = new[]
        {
            Lane("Harbour Post", "However, the Kellmouth council met. Harbour Post asked Ines Okafor about it."),
            Lane("Valley Ledger", "However, the Kellmouth council voted. Valley Ledger and Harbour Post spoke to Ines Okafor."),
        };

        Assert.Equal(["Ines Okafor"], BridgeNames.Of("Which mayor met the Kellmouth council, as Harbour Post and Valley Ledger reported?", lanes, ["Harbour Post", "Valley Ledger"]));
    }

    [Fact]
    public void Without_lanes_a_name_in_two_articles_is_a_bridge_and_one_in_a_single_article_is_not()
    {
        var oneLane = new[]
        {
            new[]
            {
                Hit("a", "Harbour Post", "In May the regulator fined Coastline Rail, and Coastline Rail appealed."),
                Hit("b", "Harbour Post", "Then Ines Okafor backed the fine."),
                Hit("c", "Valley Ledger", "Last year Ines Okafor had warned the board."),
            },
        };

        Assert.Equal(["Ines Okafor"], BridgeNames.Of("Who backed the fine on the rail operator?", oneLane, []));
    }

    private static PassageHit[] Lane(string outlet, params string[] texts) =>
        texts.Select((t, i) => Hit($"{outlet}-{i}", outlet, t)).ToArray();

    private static PassageHit Hit(string article, string source, string text) => new(article + "#0", article, "A report", source, null, null, text, 1);
}
