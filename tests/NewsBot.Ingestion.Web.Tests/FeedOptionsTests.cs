using NewsBot.Ingestion.Web;
using Xunit;

namespace NewsBot.Ingestion.Web.Tests;

/// <summary>A feed listed both in Feeds:Urls and in Feeds:Sources is one feed: read once, listed once, its outlet kept.</summary>
public sealed class FeedOptionsTests
{
    [Fact]
    public void A_feed_listed_twice_is_read_once_with_its_configured_outlet()
    {
        var options = new FeedOptions
        {
            Urls = ["https://news.example/world/rss.xml", "https://news.example/city/rss.xml"],
            Sources = [new FeedSource { Url = "https://NEWS.example/world/rss.xml/", Outlet = "Example News" }],
        };

        Assert.Equal(["https://news.example/world/rss.xml", "https://news.example/city/rss.xml"], options.AllUrls);
        Assert.Equal("Example News", options.OutletFor(options.AllUrls[0]));
    }
}
