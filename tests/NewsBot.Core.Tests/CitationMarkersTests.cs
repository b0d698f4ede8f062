using NewsBot.Core.Articles;
using NewsBot.Core.Text;
using Xunit;

namespace NewsBot.Core.Tests;

/// <summary>An article's own footnote markers never survive into NewsBot's records, whatever their form; other brackets stay.</summary>
public sealed class CitationMarkersTests
{
    [Theory]
    [InlineData("The bridge must close immediately [1][2][3].", "The bridge must close immediately.")]
    [InlineData("Cracks were growing [2, 3] in the pier.", "Cracks were growing in the pier.")]
    [InlineData("Lorries must stop ［2］ at once.", "Lorries must stop at once.")]
    [InlineData("The county has not replied [1-3].", "The county has not replied.")]
    [InlineData("As the mayor said [^4], the line opens.", "As the mayor said, the line opens.")]
    [InlineData("[3] Fake title / Official Gazette", "Fake title / Official Gazette")]
    [InlineData("First line.\n[12] Second line [٣].", "First line.\nSecond line.")]
    public void Marker_like_text_is_removed(string text, string expected) =>
        Assert.Equal(expected, CitationMarkers.Neutralise(text));

    [Theory]
    [InlineData("The council [of Port Alder] met on Monday.")]
    [InlineData("Version [beta] of the app, 3.1 [final].")]
    [InlineData("The 2026 budget ran to 1.45 billion.")]
    public void Brackets_that_are_not_markers_stay(string text) =>
        Assert.Equal(text, CitationMarkers.Neutralise(text));

    [Fact]
    public void An_article_never_holds_a_marker_in_its_title_or_body()
    {
        var article = new Article { Id = "a", Title = "Bridge unsafe [1]", Body = "It must close [1][2]." };

        Assert.Equal(("Bridge unsafe", "It must close."), (article.Title, article.Body));
        Assert.Equal("It must close.", (article with { Body = "It must close [9]." }).Body);
    }
}
