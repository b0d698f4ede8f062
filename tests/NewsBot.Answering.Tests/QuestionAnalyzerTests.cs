using NewsBot.Answering.Questions;
using Xunit;

namespace NewsBot.Answering.Tests;

public sealed class QuestionAnalyzerTests
{
    private readonly QuestionAnalyzer _analyzer = new(new FixedTime());

    [Theory]
    [InlineData("What happened yesterday?", "2026-11-27", "2026-11-28", "yesterday")]
    [InlineData("Any news today?", "2026-11-28", "2026-11-29", "today")]
    [InlineData("What did the council decide last week?", "2026-11-21", "2026-11-29", "the past week")]
    [InlineData("Storms in the last 3 days?", "2026-11-25", "2026-11-29", "the last 3 days")]
    [InlineData("What did the bank do in October?", "2026-10-01", "2026-11-01", "October 2026")]
    [InlineData("What happened in December?", "2025-12-01", "2026-01-01", "December 2025")]
    [InlineData("Elections in March 2024?", "2024-03-01", "2024-04-01", "March 2024")]
    [InlineData("What happened last month?", "2026-10-01", "2026-11-01", "October 2026")]
    [InlineData("Floods in 2025?", "2025-01-01", "2026-01-01", "2025")]
    public void Relative_dates_become_publication_periods_counted_from_today(string question, string from, string to, string period)
    {
        var intent = _analyzer.Analyze(question);

        Assert.Equal(DateTimeOffset.Parse(from + "T00:00:00Z"), intent.From);
        Assert.Equal(DateTimeOffset.Parse(to + "T00:00:00Z"), intent.To);
        Assert.Equal(period, intent.Period);
    }

    [Fact]
    public void Only_periods_counted_from_today_are_strict_filters()
    {
        Assert.True(_analyzer.Analyze("What happened yesterday?").Relative);
        Assert.False(_analyzer.Analyze("Which company invested 26 billion in 2021?").Relative);
        Assert.False(_analyzer.Analyze("What did the bank do in October?").Relative);
    }

    [Fact]
    public void Latest_asks_for_recency_and_a_plain_question_for_nothing()
    {
        Assert.True(_analyzer.Analyze("What is the latest on the tram line?").WantsLatest);
        Assert.Equal(TimeFrame.None, _analyzer.Analyze("Where will NATO open its office? It may be Tokyo."));
    }

    [Fact]
    public void Only_follow_ups_are_rewritten_by_the_heuristic()
    {
        Assert.True(FollowUpRewriter.IsFollowUp("And what did China say?"));
        Assert.True(FollowUpRewriter.IsFollowUp("Why did they do it?"));
        Assert.False(FollowUpRewriter.IsFollowUp("What did China's foreign ministry say about NATO expansion?"));
    }

    [Fact]
    public void Outlets_the_store_does_not_hold_are_recognised_and_held_ones_are_not()
    {
        var known = new[] { "The Guardian", "BBC News - Technology", "TechCrunch" };

        Assert.Equal(["Bloomberg", "Reuters"], NamedOutlets.Unknown("Considering a Bloomberg article and an article from Reuters, which firm grew?", known));
        Assert.Empty(NamedOutlets.Unknown("What do reports from Harbour City say about the tram?", known));
        Assert.Empty(NamedOutlets.Unknown("According to articles from The Guardian and BBC News, who won? A TechCrunch report says more.", known));
        Assert.Empty(NamedOutlets.Unknown("What did the article published on October 12 say about the council?", known));
    }

    [Theory]
    [InlineData("Considering The Wall Street Journal's first article and the second, which CEO faces layoffs?", "Wall Street Journal")]
    [InlineData("What does Bloomberg's coverage say about the tram line?", "Bloomberg")]
    [InlineData("Did Le Monde’s latest article quote Mao Ning?", "Le Monde")]
    [InlineData("Considering an article on Forbes about cloud tools, which CEO led the partnership?", "Forbes")]
    [InlineData("Is there a piece on Politico discussing Lake Varden?", "Politico")]
    public void An_outlet_named_as_the_owner_or_the_site_of_an_article_is_recognised(string question, string outlet)
    {
        var known = new[] { "The Guardian", "Harbour Times", "Northern Wire" };

        Assert.Equal([outlet], NamedOutlets.Unknown(question, known));
    }

    [Theory]
    [InlineData("What is in NATO's report on the Tokyo office?")]
    [InlineData("Is there an article on NATO's summit in Tokyo?")]
    [InlineData("Which articles on Storm Elsa mention the ferry?")]
    [InlineData("What did Mao Ning's remarks say about NATO?")]
    [InlineData("What does Harbour Times' latest article say about the tram line?")]
    [InlineData("Is there a piece on Lake Varden in the news?")]
    [InlineData("Does the 'Harbour Times' article say more than the 'Northern Wire' coverage of the tram line?")]
    [InlineData("What did The Guardian's coverage of the storm say?")]
    public void A_subject_or_a_held_outlet_in_those_forms_is_not_taken_for_an_outlet_not_held(string question)
    {
        var known = new[] { "The Guardian", "Harbour Times", "Northern Wire" };

        Assert.Empty(NamedOutlets.Unknown(question, known));
    }
}
