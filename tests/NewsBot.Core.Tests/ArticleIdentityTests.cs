using NewsBot.Core.Articles;
using Xunit;

namespace NewsBot.Core.Tests;

public sealed class ArticleIdentityTests
{
    private static readonly DateTimeOffset Date = new(2026, 11, 2, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_given_id_wins_then_the_url_then_title_date_and_outlet()
    {
        Assert.Equal("abc-1", ArticleIdentity.IdFor(" abc-1 ", "https://a.example/x", "T", Date, "S"));
        Assert.StartsWith("url-", ArticleIdentity.IdFor(null, "https://a.example/x", "T", Date, "S"), StringComparison.Ordinal);
        Assert.StartsWith("art-", ArticleIdentity.IdFor(null, null, "T", Date, "S"), StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_link_written_differently_gives_the_same_id()
    {
        var a = ArticleIdentity.IdFor(null, "https://News.Example/world/story/", "One title", Date, "S");
        var b = ArticleIdentity.IdFor(null, "https://news.example/world/story#comments", "Another title", null, null);

        Assert.Equal(a, b);
    }

    [Fact]
    public void The_content_hash_changes_when_the_text_changes_and_only_then()
    {
        var article = new Article { Id = "x", Title = "T", Body = "Body one.", PublishedAt = Date };

        Assert.Equal(article.ContentHash, (article with { }).ContentHash);
        Assert.NotEqual(article.ContentHash, (article with { Body = "Body two." }).ContentHash);
        Assert.NotEqual(article.ContentHash, (article with { PublishedAt = Date.AddDays(1) }).ContentHash);
    }
}
