using NewsBot.Core.Search;
using NewsBot.Core.Storage;
using Xunit;

namespace NewsBot.Core.Tests;

/// <summary>What the learned ranker reads of a question and its candidates, on several kinds of subject.</summary>
public sealed class RankingFeaturesTests
{
    [Theory]
    [InlineData("Who did Mara Quist meet in Oslo, and what did the Harbour Council decide about the tram line?", 2)]
    [InlineData("Which company, reported by Northern Wire to have cut jobs, was also said by Civic Ledger to be hiring engineers?", 2)]
    [InlineData("What did the national library put online?", 1)]
    [InlineData("Did the storm close the ports before the power agreement was signed?", 2)]
    public void A_question_has_a_part_per_clause_that_describes_evidence(string question, int parts)
    {
        Assert.Equal(parts, QuestionParts.Of(question).Count);
    }

    [Fact]
    public void A_clause_of_one_word_joins_its_neighbour_rather_than_standing_alone()
    {
        var parts = QuestionParts.Of("What did Lake Varden lose, and why?");

        Assert.Single(parts);
        Assert.Contains("varden", parts[0].Terms);
    }

    [Theory]
    [InlineData("What did Mara Quist say about the budget?", "Mara Quist told the council the budget was late.", "The council met on Monday.")]
    [InlineData("What happened in Harbour City on Monday?", "Crowds gathered in Harbour City on Monday.", "Crowds gathered on Monday.")]
    [InlineData("What did the World Health Organization announce?", "The World Health Organization announced a review.", "A review was announced.")]
    public void A_passage_holding_the_names_the_question_gives_says_so(string question, string named, string unnamed)
    {
        var rows = Features(question, Candidate("a", named), Candidate("b", unnamed));
        var at = Index("names_in_passage");

        Assert.Equal(1f, rows[0][at]);
        Assert.True(rows[1][at] < 1f);
    }

    [Fact]
    public void Figures_outlets_and_months_the_question_names_are_matched_against_each_passage()
    {
        var rows = Features(
            "What did Harbour Times report in November about the 1.45 billion tram budget?",
            Candidate("a", "The tram line will cost 1.45 billion.", "Harbour Times", new DateTimeOffset(2026, 11, 20, 0, 0, 0, TimeSpan.Zero)),
            Candidate("b", "The tram line will cost more.", "Civic Ledger", new DateTimeOffset(2026, 10, 2, 0, 0, 0, TimeSpan.Zero)));

        Assert.Equal([1f, 0f], rows.Select(r => r[Index("figures_in_passage")]));
        Assert.Equal([1f, 0f], rows.Select(r => r[Index("outlet_named")]));
        Assert.Equal([1f, 0f], rows.Select(r => r[Index("period_named")]));
    }

    [Fact]
    public void Each_part_of_a_question_ranks_its_own_best_passage_first()
    {
        var (rows, parts) = RankingFeatures.Of(
            new RankingQuery("How many homes lost power in Storm Elsa, and how low did Lake Varden fall?", default),
            [
                Candidate("storm", "Storm Elsa cut power to 40,000 homes."),
                Candidate("lake", "Lake Varden fell to its lowest level in 40 years."),
                Candidate("other", "The council approved the tram line."),
            ]);

        Assert.Equal([1f, 1f], rows.Take(2).Select(r => r[Index("part_rank")]));
        Assert.NotEqual(parts[0], parts[1]);
        Assert.All(rows, r => Assert.Equal(RankingFeatures.Names.Count, r.Length));
    }

    private static float[][] Features(string question, params RankingCandidate[] candidates) =>
        RankingFeatures.Of(new RankingQuery(question, default), candidates).Rows;

    private static int Index(string name) => RankingFeatures.Names.ToList().IndexOf(name);

    private static RankingCandidate Candidate(string id, string text, string source = "Northern Wire", DateTimeOffset? published = null) =>
        new(new PassageHit(id + "#0", id, "Headline " + id, source, published, null, text, 1), 1, 1, 0.5, 1, 1, 1);
}
