using NewsBot.Core.Text;
using Xunit;

namespace NewsBot.Core.Tests;

/// <summary>Figures are read the same way whether written in digits or words; years are dates, not figures.</summary>
public sealed class FiguresTests
{
    [Theory]
    [InlineData("Twelve passengers were hurt.", "passengers", "12")]
    [InlineData("The line has eleven stops.", "stops", "11")]
    [InlineData("It will cost 1.45 billion.", "billion", "1.45")]
    [InlineData("Turnout rose to 68 percent.", "percent", "68")]
    [InlineData("A dozen boats sank.", "boats", "12")]
    [InlineData("The council hired 1,200 staff.", "staff", "1200")]
    public void A_figure_is_read_by_the_word_after_it(string sentence, string unit, string value) =>
        Assert.Contains(value, Figures.ByUnit(sentence)[unit]);

    [Theory]
    [InlineData("The bridge opened in 2026 to traffic.")]
    [InlineData("The one thing the mayor said was brief.")]
    public void Years_and_words_that_count_nothing_are_not_figures(string sentence) =>
        Assert.DoesNotContain(Figures.ByUnit(sentence).Values, v => v.Contains("2026") || v.Contains("1"));
}
