using Xunit;

namespace NewsBot.Ingestion.Web.Tests;

public sealed class RobotsRulesTests
{
    private const string Robots = """
        # A news site's robots.txt
        User-agent: GPTBot
        Disallow: /

        User-agent: *
        Disallow: /search
        Disallow: /*.pdf$
        Disallow: /archive/
        Allow: /archive/today

        User-agent: NewsBot
        User-agent: OtherBot
        Disallow: /drafts/
        Allow: /drafts/published
        Disallow: /drafts/published-old
        """;

    [Theory]
    [InlineData("/world/tram-line", true)]
    [InlineData("/drafts/tram", false)]
    [InlineData("/drafts/published/tram", true)]
    [InlineData("/drafts/published-old/tram", false)]
    [InlineData("/search?q=tram", true)] // NewsBot's own group replaces the one for every crawler.
    public void The_group_naming_NewsBot_decides_with_the_longest_matching_rule(string path, bool allowed) =>
        Assert.Equal(allowed, RobotsRules.Parse(Robots).Allows(path));

    [Theory]
    [InlineData("/world/tram-line", true)]
    [InlineData("/search?q=tram", false)]
    [InlineData("/reports/budget.pdf", false)]
    [InlineData("/reports/budget.pdf?download=1", true)]
    [InlineData("/archive/2019/tram", false)]
    [InlineData("/archive/today/tram", true)]
    public void Without_a_NewsBot_group_the_rules_for_every_crawler_apply(string path, bool allowed) =>
        Assert.Equal(allowed, RobotsRules.Parse(Robots.Replace("User-agent: NewsBot\n", "", StringComparison.Ordinal)).Allows(path));

    [Fact]
    public void An_empty_or_unrelated_robots_txt_allows_everything() =>
        Assert.True(RobotsRules.Parse("User-agent: GPTBot\nDisallow: /\n").Allows("/world/tram-line"));
}
