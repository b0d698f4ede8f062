using Microsoft.Extensions.DependencyInjection;
using NewsBot.Core.Articles;
using NewsBot.Core.Ingestion;
using NewsBot.Core.Storage;
using NewsBot.Testing;
using Xunit;

namespace NewsBot.Ingestion.Web.Tests;

public sealed class WebIngestionTests : IAsyncLifetime
{
    private readonly TempDirectory _data = new();
    private readonly TempDirectory _input = new();
    private FakeNewsSite _site = null!;
    private ServiceProvider _services = null!;

    public async Task InitializeAsync()
    {
        _site = await FakeNewsSite.StartAsync();
        _services = Services(new Dictionary<string, string?> { ["Web:TimeoutSeconds"] = "5" });
    }

    /// <summary>Ingestion with the web readers over this test's store, under the given settings.</summary>
    private ServiceProvider Services(Dictionary<string, string?> settings) => WebTestServices.Build(_data.Path, settings);

    private IngestionPipeline Pipeline => _services.GetRequiredService<IngestionPipeline>();

    private INewsStore Store => _services.GetRequiredService<INewsStore>();

    [Fact]
    public async Task An_rss_feed_of_teasers_is_stored_with_the_full_stories_from_the_linked_pages()
    {
        var report = await Pipeline.IngestAsync([_site.Url + "/city/rss.xml"]);

        Assert.Equal(3, report.New);
        var tram = await ArticleAsync("/city/tram-line");
        Assert.Equal("Port Alder opens its first tram line", tram.Title);
        Assert.Contains("7.4 kilometres long and has eleven stops", tram.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("Cookie settings", tram.Body, StringComparison.Ordinal);
        Assert.Equal(FakeNewsSite.Outlet, tram.Source);
        Assert.Equal("Mira Olsen", tram.Author);
        Assert.Equal(new DateTimeOffset(2026, 11, 9, 8, 30, 0, TimeSpan.Zero), tram.PublishedAt);
        Assert.Equal("Transport", tram.Category);

        var budget = await ArticleAsync("/city/budget");
        Assert.Contains("48 million euros", budget.Body, StringComparison.Ordinal);
        Assert.Contains("\n\n", budget.Body, StringComparison.Ordinal);
        Assert.Equal("Jonas Berg", budget.Author);
        Assert.Equal(new DateTimeOffset(2026, 11, 10, 16, 5, 0, TimeSpan.Zero), budget.PublishedAt);
        Assert.Equal(0, _site.Requests("/city/budget")); // Its feed item carries the whole story.

        var hits = await Store.KeywordSearchAsync(["tram", "stops"], SearchFilter.None, 3);
        Assert.Equal(tram.Id, hits[0].ArticleId);
        Assert.Equal(_site.Url + "/city/tram-line", hits[0].Url);
    }

    [Fact]
    public async Task Reading_a_feed_again_changes_nothing_and_does_not_download_stored_pages_again()
    {
        await Pipeline.IngestAsync([_site.Url + "/city/rss.xml"]);

        var second = await Pipeline.IngestAsync([_site.Url + "/city/rss.xml"]);

        Assert.Equal(3, second.Unchanged);
        Assert.Equal(0, second.PassagesEmbedded);
        Assert.Equal(1, _site.Requests("/city/tram-line"));
        Assert.Equal(1, _site.NotModified("/city/rss.xml")); // Asked with the feed's ETag, so not sent again.
    }

    [Fact]
    public async Task A_page_that_cannot_be_read_leaves_the_teaser_until_a_later_run_can_read_it()
    {
        await Pipeline.IngestAsync([_site.Url + "/city/rss.xml"]);
        var teaser = await ArticleAsync("/city/lighthouse");
        Assert.Equal("Anna Lind hands over the Alder Point light this winter.", teaser.Body);

        _site.Serve("/city/lighthouse", "text/html", FakeNewsSite.Page("Lighthouse keeper retires after 31 years",
            "Anna Lind, who has kept the Alder Point light since 1995, retires in December. The light has been automatic since 2020, but Lind stayed on to maintain the lens and guide visitors.",
            "Her successor is the coast authority's remote control room in Northbay, which already runs nine other lights along the coast. The keeper's cottage will become a small museum next summer."));
        var later = await Pipeline.IngestAsync([_site.Url + "/city/rss.xml"]);

        Assert.Equal(1, later.Updated);
        Assert.Contains("remote control room in Northbay", (await ArticleAsync("/city/lighthouse")).Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_page_the_sites_robots_txt_keeps_from_NewsBot_is_not_downloaded_and_the_teaser_stands_in()
    {
        _site.Serve("/robots.txt", "text/plain", "User-agent: NewsBot\nDisallow: /city/tram\n\nUser-agent: *\nDisallow:\n");

        await Pipeline.IngestAsync([_site.Url + "/city/rss.xml"]);

        Assert.Equal(0, _site.Requests("/city/tram-line"));
        Assert.Equal("The first tram in forty years ran on Monday.", (await ArticleAsync("/city/tram-line")).Body);
        Assert.Equal(1, _site.Requests("/city/lighthouse")); // Other pages of the site are read as before.
        Assert.Equal(1, _site.Requests("/robots.txt"));
    }

    [Fact]
    public async Task A_feed_titled_section_first_files_its_stories_under_the_site_name_its_pages_give()
    {
        _site.Serve("/world.xml", "application/rss+xml", $"""
            <rss version="2.0"><channel><title>Transport | {FakeNewsSite.Outlet}</title>
            <item><title>Port Alder opens its first tram line</title><link>{_site.Url}/city/tram-line</link>
              <description>The first tram in forty years ran on Monday.</description></item>
            </channel></rss>
            """);

        var first = await Pipeline.IngestAsync([_site.Url + "/world.xml"]);
        var second = await Pipeline.IngestAsync([_site.Url + "/world.xml"]);

        Assert.Equal(FakeNewsSite.Outlet, (await ArticleAsync("/city/tram-line")).Source);
        Assert.Equal(1, first.New);
        Assert.Equal(1, second.Unchanged); // The same outlet again, so nothing to update.
    }

    [Fact]
    public async Task An_atom_feed_with_relative_links_is_read()
    {
        var report = await Pipeline.IngestAsync([_site.Url + "/atom.xml"]);

        Assert.Equal(1, report.New);
        var regatta = await ArticleAsync("/sport/regatta");
        Assert.Equal("Alder Rowing Club wins the autumn regatta", regatta.Title);
        Assert.Equal("Sara Quist", regatta.Author);
        Assert.Equal(FakeNewsSite.Outlet + " Sport", regatta.Source);
        Assert.Contains("beating the Northbay crew by two seconds", regatta.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Feeds_as_written_in_the_wild_are_read_leniently_and_an_item_without_a_title_is_named()
    {
        var story = string.Join(' ', Enumerable.Repeat("The night ferry to Northbay returns on Friday after the winter break, with two crossings a day.", 9));
        _site.Serve("/wild.xml", "text/html; charset=utf-8", $"""
            <?xml version="1.0"?>
            <!DOCTYPE rss SYSTEM "http://example.invalid/rss.dtd">
            <rss version="2.0"><channel><title>Quay &amp; Coast News</title>
            <item><title>Ferries &amp; trams: the winter timetable</title><link>{_site.Url}/wild/ferries</link>
              <pubDate>2026-11-12 06:30</pubDate><description>{story}</description></item>
            <item><title>Harbour fair</title><link>{_site.Url}/wild/fair</link>
              <pubDate>sometime last week</pubDate><description>{story.Replace("night ferry", "harbour fair", StringComparison.Ordinal)}</description></item>
            <item><link>{_site.Url}/wild/untitled</link><description>{story}</description></item>
            </channel></rss>
            """);

        var report = await Pipeline.IngestAsync([_site.Url + "/wild.xml"]);

        Assert.Equal(2, report.New);
        var ferries = await ArticleAsync("/wild/ferries");
        Assert.Equal("Ferries & trams: the winter timetable", ferries.Title);
        Assert.Equal("Quay & Coast News", ferries.Source);
        Assert.Equal(new DateTimeOffset(2026, 11, 12, 6, 30, 0, TimeSpan.Zero), ferries.PublishedAt);
        Assert.Null((await ArticleAsync("/wild/fair")).PublishedAt); // An unreadable date is unknown, not a failed feed.
        Assert.StartsWith("the article has no title", Assert.Single(report.Outcomes, o => o.Location == _site.Url + "/wild.xml item 3").Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_page_address_is_one_article_and_the_same_article_as_its_feed_item()
    {
        var page = await Pipeline.IngestAsync([_site.Url + "/city/tram-line"]);
        var feed = await Pipeline.IngestAsync([_site.Url + "/city/rss.xml"]);

        Assert.Equal(1, page.New);
        Assert.Equal(2, feed.New); // The tram story is the page already stored, now with the feed's author and date:
        Assert.Equal(0, feed.Updated); // the same text, so new details only, not an updated story.
        Assert.Equal(1, feed.DetailsUpdated);
        Assert.Equal(3, (await Store.GetStatsAsync()).Articles);
    }

    [Fact]
    public async Task A_page_in_a_legacy_character_set_declared_only_in_its_html_reads_correctly()
    {
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
        var html = FakeNewsSite.Page("Café Öresund reopens on the quay",
            "The Café Öresund reopened on the quay on Friday after a fire in March closed it for eight months. The owners, Åsa and Jörg Brenner, rebuilt the kitchen and kept the old tiled façade.",
            "Regulars queued for the crème brûlée that made the café famous, and the harbour band played on the terrace until late in the evening.")
            .Replace("<head>", "<head><meta charset=\"windows-1252\">", StringComparison.Ordinal);
        _site.Serve("/city/cafe", "text/html", System.Text.Encoding.GetEncoding(1252).GetBytes(html));

        await Pipeline.IngestAsync([_site.Url + "/city/cafe"]);

        var cafe = await ArticleAsync("/city/cafe");
        Assert.Contains("Åsa and Jörg Brenner", cafe.Body, StringComparison.Ordinal);
        Assert.Contains("crème brûlée", cafe.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_saved_feed_file_is_read_like_the_feed_online()
    {
        var file = _input.File("herald.rss", await new HttpClient().GetStringAsync(_site.Url + "/city/rss.xml"));

        var report = await Pipeline.IngestAsync([file]);

        Assert.Equal(3, report.New);
        Assert.Contains("eleven stops", (await ArticleAsync("/city/tram-line")).Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_addresses_and_bad_feeds_are_named_with_a_reason_and_the_rest_is_still_stored()
    {
        _site.Serve("/broken.xml", "application/rss+xml", "<rss version=\"2.0\"><channel><title>Broken</title><item>");
        _site.Serve("/rdf.xml", "application/rdf+xml", "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\"/>");
        _site.Serve("/report.pdf", "application/pdf", "%PDF-1.7");
        _site.Serve("/sitemap.xml", "application/xml", "<urlset><url><loc>x</loc></url></urlset>");
        _site.Serve("/empty.xml", "application/rss+xml", "<rss version=\"2.0\"><channel><title>Quiet</title></channel></rss>");
        var badFile = _input.File("notes.xml", "<notes>not a feed</notes>");
        await using var closed = await LoopbackServer.StartAsync(_ => { });
        var closedUrl = closed.Url;
        await closed.DisposeAsync();

        var report = await Pipeline.IngestAsync([
            _site.Url + "/gone.xml", _site.Url + "/broken.xml", _site.Url + "/rdf.xml", _site.Url + "/report.pdf",
            _site.Url + "/sitemap.xml", _site.Url + "/empty.xml", closedUrl + "/feed.xml", badFile, _site.Url + "/atom.xml"]);

        string ErrorFor(string location) => Assert.Single(report.Outcomes, o => o.Location == location).Error!;
        Assert.Equal("the server answered HTTP 404 Not Found", ErrorFor(_site.Url + "/gone.xml"));
        Assert.StartsWith("the feed is not well-formed XML", ErrorFor(_site.Url + "/broken.xml"), StringComparison.Ordinal);
        Assert.StartsWith("RSS 1.0 (RDF) feeds are not supported", ErrorFor(_site.Url + "/rdf.xml"), StringComparison.Ordinal);
        Assert.Equal("NewsBot reads web pages (HTML) and RSS or Atom feeds, not application/pdf", ErrorFor(_site.Url + "/report.pdf"));
        Assert.Equal("not an RSS or Atom feed (the document starts with <urlset>)", ErrorFor(_site.Url + "/sitemap.xml"));
        Assert.Equal("the feed lists no items", ErrorFor(_site.Url + "/empty.xml"));
        Assert.StartsWith("could not connect", ErrorFor(closedUrl + "/feed.xml"), StringComparison.Ordinal);
        Assert.Equal("not an RSS or Atom feed (the document starts with <notes>)", ErrorFor(badFile));
        Assert.Equal(1, report.New);
    }

    [Fact]
    public async Task A_feed_link_into_a_cloud_metadata_service_is_never_followed()
    {
        _site.Serve("/trap.xml", "application/rss+xml", """
            <rss version="2.0"><channel><title>Trap</title>
            <item><title>Credentials</title><link>http://169.254.169.254/latest/meta-data/iam/</link></item>
            </channel></rss>
            """);

        var report = await Pipeline.IngestAsync([_site.Url + "/trap.xml"]);

        var error = Assert.Single(report.Outcomes).Error!;
        Assert.Contains("169.254.169.254 is a link-local address (such as a cloud metadata service), which NewsBot never reads", error, StringComparison.Ordinal);
        Assert.Equal(0, (await Store.GetStatsAsync()).Articles);
    }

    [Theory]
    [InlineData("10.1.2.3", true)]
    [InlineData("172.20.0.5", true)]
    [InlineData("192.168.1.10", true)]
    [InlineData("127.0.0.1", true)]
    [InlineData("169.254.169.254", true)]
    [InlineData("100.100.100.200", true)]
    [InlineData("::1", true)]
    [InlineData("fd00::1", true)]
    [InlineData("::ffff:10.0.0.1", true)]
    [InlineData("93.184.216.34", false)]
    [InlineData("172.32.0.1", false)]
    [InlineData("2001:db8::1", false)]
    public void Private_and_local_addresses_are_told_from_public_ones(string address, bool isPrivate) =>
        Assert.Equal(isPrivate, NetworkGuard.IsPrivate(System.Net.IPAddress.Parse(address)));

    [Fact]
    public async Task A_download_over_the_size_limit_is_refused_with_the_setting_to_change()
    {
        _site.Serve("/huge.xml", "application/rss+xml", new string(' ', 2 * 1024 * 1024));
        await using var services = Services(new Dictionary<string, string?> { ["Web:MaxDownloadMegabytes"] = "1" });

        var report = await services.GetRequiredService<IngestionPipeline>().IngestAsync([_site.Url + "/huge.xml"]);

        Assert.Equal("the content is larger than 1 MB (Web:MaxDownloadMegabytes)", Assert.Single(report.Outcomes).Error);
    }

    private async Task<Article> ArticleAsync(string path)
    {
        var article = await Store.GetArticleAsync(ArticleIdentity.IdFor(null, _site.Url + path, "", null, null));
        Assert.NotNull(article);
        return article;
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _site.DisposeAsync();
        _data.Dispose();
        _input.Dispose();
    }
}
