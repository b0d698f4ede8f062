using NewsBot.Core.Search;
using NewsBot.Core.Storage;
using NewsBot.Core.Text;
using Xunit;

namespace NewsBot.Core.Tests;

public sealed class SearchPartsTests
{
    [Fact]
    public void Question_filler_is_not_searched_for()
    {
        Assert.Equal(["nato", "open", "liaison", "office"], QueryTerms.Extract("Where will NATO open its liaison office, according to the reports?"));
    }

    [Theory]
    [InlineData("The companies' NATO-led talks in Zürich: 3 ministers, 12 agencies, 2024's budget and the bus press.")]
    [InlineData("Sam Bankman-Fried's trial\nstarted; FTX's CEO (former) said \"I\" was a 1-time mistake. Ünïcode ÉCOLE İstanbul")]
    [InlineData("")]
    public void A_texts_word_set_holds_exactly_its_matchable_words_stemmed(string text)
    {
        // Twice: the second read finds every word already known.
        var expected = QueryTerms.Tokens(text).Select(Stems.Of).ToHashSet(StringComparer.Ordinal);

        Assert.Equal(expected.Order(StringComparer.Ordinal), QueryTerms.StemSet(text).Order(StringComparer.Ordinal));
        Assert.Equal(expected.Order(StringComparer.Ordinal), QueryTerms.StemSet(text).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Outlets_named_in_a_question_are_found_in_the_order_they_are_named()
    {
        var known = new[] { "The Verge", "TechCrunch", "The New York Times", "Times of Malta", "Fortune" };

        Assert.Equal(["TechCrunch", "The Verge"], OutletMatcher.Find("Did TechCrunch and the Verge both report the deal?", known));
        Assert.Equal(["The New York Times"], OutletMatcher.Find("What did The New York Times say?", known));
        Assert.Empty(OutletMatcher.Find("Who made a fortune in times of crisis?", known));
    }

    [Fact]
    public void Fusion_puts_a_passage_both_searches_found_above_one_found_by_either()
    {
        var keyword = new[] { Hit("a", 9), Hit("both", 8), Hit("b", 1) };
        var dense = new[] { Hit("c", 0.9), Hit("both", 0.8), Hit("d", 0.1) };

        var fused = HybridFusion.Fuse(keyword, dense, denseWeight: 0.5, top: 3);

        Assert.Equal(["both", "a", "c"], fused.Select(h => h.PassageId));
    }

    [Fact]
    public void With_no_dense_weight_fusion_keeps_the_keyword_order()
    {
        var keyword = new[] { Hit("a", 9), Hit("b", 5), Hit("c", 1) };
        var dense = new[] { Hit("c", 0.9), Hit("b", 0.8) };

        Assert.Equal(["a", "b", "c"], HybridFusion.Fuse(keyword, dense, denseWeight: 0, top: 3).Select(h => h.PassageId));
    }

    [Fact]
    public void Lanes_are_interleaved_without_repeating_a_passage()
    {
        var lanes = new[] { new[] { Hit("a1", 1), Hit("shared", 1), Hit("a3", 1) }, new[] { Hit("shared", 1), Hit("b2", 1) } };

        Assert.Equal(["a1", "shared", "b2", "a3"], HybridFusion.Interleave(lanes, 10).Select(h => h.PassageId));
    }

    [Fact]
    public void Ranked_lanes_lead_each_round_with_the_surer_passage_and_every_lane_keeps_its_place_in_the_round()
    {
        var lanes = new[] { new[] { Hit("a1", 0.9), Hit("a2", 0.8) }, new[] { Hit("b1", 0.3), Hit("b2", 0.95) } };

        Assert.Equal(["a1", "b1", "b2", "a2"], HybridFusion.Interleave(lanes, 10, byScore: true).Select(h => h.PassageId));
        Assert.Equal(["a1", "b1", "a2", "b2"], HybridFusion.Interleave(lanes, 10).Select(h => h.PassageId));
    }

    private static PassageHit Hit(string id, double score) => new(id, "art-" + id, "T", "S", null, null, "text", score);
}
