using NewsBot.Answering.Comparison;
using NewsBot.Answering.Extractive;
using NewsBot.Answering.Questions;
using Xunit;

namespace NewsBot.Answering.Tests;

/// <summary>The rules the form matrix found wanting, each checked on several subjects: a person, a place, an organisation, a phrase.</summary>
public sealed class QuestionFormRulesTests
{
    [Theory]
    [InlineData("What is Hannah Lindqvist's salary?")]
    [InlineData("What is the mayor's age?")]
    [InlineData("What is the population of Millbrook?")]
    [InlineData("What was the price of the new tram tickets?")]
    public void A_salary_an_age_a_population_or_a_price_is_a_figure(string question) =>
        Assert.Equal(ExpectedAnswer.Figure, ExpectedAnswers.Of(question));

    [Theory]
    [InlineData("Tell me about Jonas Vell.", "Jonas Vell")]
    [InlineData("What is the latest on Lake Varden?", "Lake Varden")]
    [InlineData("What did Northern Wire report about the storm?", "the storm")]
    [InlineData("What is the news about the national library?", "the national library")]
    public void A_question_about_a_subject_asks_for_an_overview_of_it(string question, string subject)
    {
        Assert.Equal(ExpectedAnswer.Overview, ExpectedAnswers.Of(question));
        Assert.Contains(subject, ExpectedAnswers.WithoutOpener(question), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("How has the NATO story developed?")]
    [InlineData("How has the Storm Elsa story developed?")]
    [InlineData("How has the Peter Hale story developed?")]
    [InlineData("How has the Lake Varden story developed?")]
    public void A_story_named_after_its_subject_names_no_outlet(string question) =>
        Assert.Empty(NamedOutlets.Unknown(question, ["Northern Wire", "Harbour Times"]));

    [Theory]
    [InlineData("What did Valley Courier report about the storm?", "Valley Courier")]
    [InlineData("What has the Daily Post written on the tram line?", "Daily Post")]
    public void An_outlet_asked_what_it_reported_is_an_outlet(string question, string outlet) =>
        Assert.Equal([outlet], NamedOutlets.Unknown(question, ["Northern Wire", "Harbour Times"]));

    [Fact]
    public void What_a_subject_said_is_not_an_outlet() =>
        Assert.Empty(NamedOutlets.Unknown("What did China say about the office?", ["Northern Wire"]));

    [Theory]
    [InlineData("Mao Ning", true)]
    [InlineData("Peter Hale", true)]
    [InlineData("Dalia Ferreira", true)]
    [InlineData("NATO", false)]
    [InlineData("FTX", false)]
    [InlineData("Harbour City", false)]
    [InlineData("Eastport", false)]
    [InlineData("Eastport Rovers", false)]
    [InlineData("Considering Swift", false)]
    [InlineData("St Brennan's University Hospital", false)]
    public void Only_a_name_shaped_like_a_persons_answers_who(string name, bool person) =>
        Assert.Equal(person, MostNamed.LooksLikePerson(name));

    [Theory]
    [InlineData("Who is the spokesperson of China's foreign ministry?", NameRole.Person)]
    [InlineData("Which startup released the battery software?", NameRole.Organisation)]
    [InlineData("Which team won the coastal league?", NameRole.Organisation)]
    [InlineData("Which official announced the tram delay?", NameRole.Person)]
    public void A_name_question_asks_for_a_person_or_an_organisation(string question, NameRole role) =>
        Assert.Equal(role, ExpectedAnswers.RoleOf(question));

    [Theory]
    [InlineData("Who is the individual behind the collapsed crypto company?", NameRole.Person)]
    [InlineData("Who is the person whose startup released the battery software?", NameRole.Person)]
    [InlineData("Who was the official who ran the transport department?", NameRole.Person)]
    public void A_question_naming_a_person_asks_for_one_whatever_else_it_mentions(string question, NameRole role) =>
        Assert.Equal(role, ExpectedAnswers.RoleOf(question));

    [Theory]
    [InlineData("Then Okafor moved the deposits.", "Okafor")]
    [InlineData("Whereas Voltwise kept its code closed.", "Voltwise")]
    [InlineData("Meanwhile Lindqvist held the rate.", "Lindqvist")]
    [InlineData("Loading Ferreira signed a new contract.", "Ferreira")]
    public void A_word_capitalised_only_because_it_opens_a_sentence_is_not_part_of_the_name(string sentence, string name)
    {
        var passage = new Retrieval.NewsPassage { PassageId = "p#0", ArticleId = "p", Title = "A report", Source = "Civic Ledger", Text = "A report\n" + sentence };

        Assert.Equal($"{MostNamed.Prefix} **{name}** [1].", MostNamed.Lead("Who did it?", sentence + " [1]", [passage]));
    }

    [Theory]
    [InlineData("Did Harbour Times report on the tram line before Northern Wire did?", ComparisonClaim.FirstBeforeSecond)]
    [InlineData("Did Pacific Dispatch report on NATO after Northern Wire reported the Tokyo office?", ComparisonClaim.FirstAfterSecond)]
    [InlineData("After Northern Wire reported the storm, did Metro Signal report on the ports?", ComparisonClaim.FirstBeforeSecond)]
    [InlineData("Do Harbour Times and Pacific Dispatch both report on the eastern tram line?", ComparisonClaim.Coverage)]
    [InlineData("Do Harbour Times and Pacific Dispatch both report that the tram line will cost more?", ComparisonClaim.Agreement)]
    [InlineData("Was the Harbour Times report consistent with the Pacific Dispatch report after the vote?", ComparisonClaim.Agreement)]
    public void A_comparing_question_claims_an_order_coverage_or_agreement(string question, ComparisonClaim claim)
    {
        var first = Math.Min(Index(question, "Harbour Times"), Math.Min(Index(question, "Pacific Dispatch"), Index(question, "Northern Wire")));
        Assert.Equal(claim, ComparisonClaims.Of(question, first));
    }

    [Theory]
    [InlineData("After Northern Wire reported the NATO office, did Pacific Dispatch report on China's reaction?", ComparisonClaim.FirstBeforeSecond)]
    [InlineData("Between the Harbour Times report on the tram vote and the Harbour Times report on its cost, did the price change?", ComparisonClaim.Agreement)]
    [InlineData("Before Civic Ledger reported the vaccine trial, did Metro Signal report on its results?", ComparisonClaim.FirstAfterSecond)]
    public void A_comparing_question_may_name_its_first_report_in_a_clause_before_the_yes_or_no(string question, ComparisonClaim claim)
    {
        var parts = ReportComparison.Parts(question, ["Northern Wire", "Pacific Dispatch", "Harbour Times", "Civic Ledger", "Metro Signal"]);

        Assert.Equal(2, parts.Count);
        Assert.Equal(claim, ReportComparison.ClaimOf(question, parts));
    }

    [Fact]
    public void A_question_that_asks_which_after_a_clause_compares_nothing() =>
        Assert.Empty(ReportComparison.Parts("Considering the Northern Wire and Pacific Dispatch reports, which office is new?", ["Northern Wire", "Pacific Dispatch"]));

    private static int Index(string text, string outlet) => text.IndexOf(outlet, StringComparison.Ordinal) is var i and >= 0 ? i : int.MaxValue;
}
