using NewsBot.Answering.Citations;
using NewsBot.Answering.Retrieval;
using Xunit;

namespace NewsBot.Answering.Tests;

public sealed class CitationBuilderTests
{
    private static readonly NewsPassage[] Passages =
    [
        Passage("p1", "rates", "Rates held / Civic Ledger 2026-10-28\nThe bank kept its rate at 3.25 percent. Two members wanted a cut."),
        Passage("p2", "tram", "Tram approved / Harbour Times 2026-11-05\nThe council approved the tram line. It will cost 1.2 billion."),
        Passage("p3", "rates", "Rates held / Civic Ledger 2026-10-28\nTwo members wanted a cut. Lenders expect stable mortgage costs."),
    ];

    [Fact]
    public void Markers_are_renumbered_by_first_use_and_one_article_gets_one_number()
    {
        var (text, citations) = CitationBuilder.Build("The tram costs 1.2 billion [2]. Rates stayed at 3.25 percent [1][3].", Passages);

        Assert.Equal("The tram costs 1.2 billion [1]. Rates stayed at 3.25 percent [2].", text);
        Assert.Equal(["tram", "rates"], citations.Select(c => c.ArticleId));
        Assert.Equal([1, 2], citations.Select(c => c.N));
    }

    [Fact]
    public void Markers_that_point_at_nothing_are_dropped()
    {
        var (text, citations) = CitationBuilder.Build("Rates held [1][7]. Aliens landed [0]. Costs rose [12, 2].", Passages);

        Assert.Equal("Rates held [1]. Aliens landed. Costs rose [2].", text);
        Assert.Equal(2, citations.Count);
    }

    [Fact]
    public void The_quote_is_the_cited_passages_own_sentence_that_best_supports_the_claim()
    {
        var (_, citations) = CitationBuilder.Build("It will cost 1.2 billion [2].", Passages);

        Assert.Equal("It will cost 1.2 billion.", citations[0].Quote);
        Assert.Contains(citations[0].Quote, Passages[1].Text, StringComparison.Ordinal);
    }

    private static NewsPassage Passage(string id, string article, string text) => new()
    {
        PassageId = id,
        ArticleId = article,
        Title = text[..text.IndexOf(" /", StringComparison.Ordinal)],
        Source = "Outlet",
        Url = $"https://x.example/{article}",
        Text = text,
    };
}
