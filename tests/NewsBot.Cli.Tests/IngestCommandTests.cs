using NewsBot.Testing;
using Xunit;

namespace NewsBot.Cli.Tests;

public sealed class IngestCommandTests : IDisposable
{
    private readonly TempDirectory _data = new();
    private readonly TempDirectory _input = new();

    [Fact]
    public async Task Ingesting_twice_reports_everything_unchanged_the_second_time()
    {
        var first = await Cli.JsonAsync("ingest", Cli.SampleNews, "--data", _data.Path, "--json");
        var second = await Cli.JsonAsync("ingest", Cli.SampleNews, "--data", _data.Path, "--json");

        Assert.Equal(14, first.GetProperty("new").GetInt32());
        Assert.Equal(0, second.GetProperty("new").GetInt32());
        Assert.Equal(14, second.GetProperty("unchanged").GetInt32());
        Assert.Equal(0, second.GetProperty("passages").GetInt32());
        var stats = await Cli.JsonAsync("stats", "--data", _data.Path, "--json");
        Assert.Equal(first.GetProperty("passages").GetInt32(), stats.GetProperty("passages").GetInt32());
    }

    [Fact]
    public async Task Bad_items_are_named_with_file_and_line_and_the_good_ones_still_go_in()
    {
        var feed = _input.File("feed.jsonl", """
            {"title":"Ferry strike ends","body":"The ferry strike ended on Monday after talks.","source":"Alpha News"}
            {"title":"no closing brace"
            {"title":"","body":"A body without a title."}
            """);

        var (code, output, error) = await Cli.RunAsync("ingest", feed, "--data", _data.Path);

        Assert.Equal(0, code);
        Assert.Contains($"{feed}:2: malformed JSON", error, StringComparison.Ordinal);
        Assert.Contains($"{feed}:3: the article has no title", error, StringComparison.Ordinal);
        Assert.Contains("failed", output, StringComparison.Ordinal);
        Assert.Equal(1, (await Cli.JsonAsync("stats", "--data", _data.Path, "--json")).GetProperty("articles").GetInt32());
    }

    [Fact]
    public async Task A_feed_address_is_ingested_and_a_dead_one_is_named_with_the_server_answer()
    {
        await using var site = await FakeNewsSite.StartAsync();

        var (code, _, error) = await Cli.RunAsync("ingest", site.Url + "/city/rss.xml", site.Url + "/gone.xml", "--data", _data.Path);
        var search = await Cli.JsonAsync("search", "When did the tram line open?", "--data", _data.Path, "--json");

        Assert.Equal(0, code);
        Assert.Contains($"{site.Url}/gone.xml: the server answered HTTP 404 Not Found", error, StringComparison.Ordinal);
        var top = search.GetProperty("results")[0];
        Assert.Equal(site.Url + "/city/tram-line", top.GetProperty("url").GetString());
        Assert.Equal(FakeNewsSite.Outlet, top.GetProperty("source").GetString());
    }

    [Fact]
    public async Task A_feed_read_again_by_a_later_run_is_asked_for_only_if_it_changed()
    {
        await using var site = await FakeNewsSite.StartAsync();

        await Cli.JsonAsync("ingest", site.Url + "/city/rss.xml", "--data", _data.Path, "--json");
        var again = await Cli.JsonAsync("ingest", site.Url + "/city/rss.xml", "--data", _data.Path, "--json");

        Assert.Equal(1, site.NotModified("/city/rss.xml")); // The second run sent the feed's ETag; the server did not send it again.
        Assert.Equal(0, again.GetProperty("failed").GetInt32());
        Assert.Equal(3, again.GetProperty("unchanged").GetInt32());
    }

    [Fact]
    public async Task A_stored_page_read_again_through_its_feed_is_not_reported_as_an_updated_text()
    {
        await using var site = await FakeNewsSite.StartAsync();

        await Cli.JsonAsync("ingest", site.Url + "/city/tram-line", "--data", _data.Path, "--json");
        var throughFeed = await Cli.JsonAsync("ingest", site.Url + "/city/rss.xml", "--data", _data.Path, "--json");

        // The page's text is the one stored: what the feed adds (its author, category, date) is details, not news.
        Assert.Equal(0, throughFeed.GetProperty("updated").GetInt32());
        Assert.Equal(1, throughFeed.GetProperty("details_updated").GetInt32() + throughFeed.GetProperty("unchanged").GetInt32());
    }

    [Fact]
    public async Task A_damaged_feed_cache_only_means_the_feed_is_downloaded_in_full()
    {
        await using var site = await FakeNewsSite.StartAsync();
        await File.WriteAllTextAsync(Path.Combine(_data.Path, "feeds.db"), "not a database");

        var (code, _, error) = await Cli.RunAsync("ingest", site.Url + "/city/rss.xml", "--data", _data.Path, "--json");

        Assert.Equal(0, code);
        Assert.Equal("", error);
        Assert.Equal(3, (await Cli.JsonAsync("stats", "--data", _data.Path, "--json")).GetProperty("articles").GetInt32());
    }

    [Fact]
    public async Task Ingest_feeds_reads_the_configured_feeds_and_a_bad_feed_setting_is_named()
    {
        await using var site = await FakeNewsSite.StartAsync();

        var report = await Cli.JsonAsync("ingest", "--feeds", "--set", $"Feeds:Urls:0={site.Url}/atom.xml", "--data", _data.Path, "--json");
        var (badCode, _, badError) = await Cli.RunAsync("ingest", "--feeds", "--set", "Feeds:Urls:0=ftp://files.example/feed.xml", "--data", _data.Path);
        var (emptyCode, _, emptyError) = await Cli.RunAsync("ingest", "--data", _data.Path);
        var (badSourceCode, _, badSourceError) = await Cli.RunAsync("ingest", "--feeds", "--set", "Feeds:Sources:0:Url=news.example/feed", "--data", _data.Path);
        var (badAgentCode, _, badAgentError) = await Cli.RunAsync("ingest", site.Url + "/atom.xml", "--set", "Web:UserAgent=News Bot (unclosed", "--data", _data.Path);

        Assert.Equal(1, report.GetProperty("new").GetInt32());
        Assert.Equal(2, badCode);
        Assert.Contains("Feeds:Urls:0 'ftp://files.example/feed.xml' is not an http(s) address of a feed.", badError, StringComparison.Ordinal);
        Assert.Equal(2, emptyCode);
        Assert.Contains("Name files, folders or web addresses to ingest", emptyError, StringComparison.Ordinal);
        Assert.Equal(2, badSourceCode);
        Assert.Contains("Feeds:Sources:0:Url 'news.example/feed' is not an http(s) address of a feed.", badSourceError, StringComparison.Ordinal);
        Assert.Equal(2, badAgentCode);
        Assert.Contains("Web:UserAgent is not a valid User-Agent header", badAgentError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Nothing_ingestible_exits_1_and_keeps_what_was_stored_before()
    {
        await Cli.RunAsync("ingest", Cli.SampleNews, "--data", _data.Path, "--json");
        var junk = _input.File("junk.jsonl", "not json at all\n{\"title\":\"x\"}\n");

        var (code, _, error) = await Cli.RunAsync("ingest", junk, Path.Combine(_input.Path, "missing-folder"), "--data", _data.Path);

        Assert.Equal(1, code);
        Assert.Contains("missing-folder: no such file or folder", error, StringComparison.Ordinal);
        Assert.Contains("Nothing could be ingested", error, StringComparison.Ordinal);
        Assert.Equal(14, (await Cli.JsonAsync("stats", "--data", _data.Path, "--json")).GetProperty("articles").GetInt32());
    }

    [Fact]
    public async Task Delete_removes_an_article_from_search_and_names_unknown_ids()
    {
        await Cli.RunAsync("ingest", Cli.SampleNews, "--data", _data.Path, "--json");

        var (code, output, _) = await Cli.RunAsync("delete", "pd-2026-11-10-mariners-title", "--data", _data.Path);
        var missing = await Cli.RunAsync("delete", "no-such-id", "--data", _data.Path);

        Assert.Equal(0, code);
        Assert.Contains("deleted pd-2026-11-10-mariners-title", output, StringComparison.Ordinal);
        Assert.Equal(1, missing.ExitCode);
        Assert.Contains("no-such-id: no such article", missing.Error, StringComparison.Ordinal);
        var search = await Cli.JsonAsync("search", "Mariners coastal league title", "--data", _data.Path, "--json");
        Assert.DoesNotContain(search.GetProperty("results").EnumerateArray(), r => r.GetProperty("article_id").GetString() == "pd-2026-11-10-mariners-title");
    }

    [Fact]
    public async Task A_data_directory_holding_something_else_is_refused_and_left_untouched()
    {
        var foreign = _data.File("newsbot.db", "my spreadsheet");

        var (code, _, error) = await Cli.RunAsync("ingest", Cli.SampleNews, "--data", _data.Path);

        Assert.Equal(3, code);
        Assert.Contains("is not a NewsBot store", error, StringComparison.Ordinal);
        Assert.Equal("my spreadsheet", File.ReadAllText(foreign));
    }

    public void Dispose()
    {
        _data.Dispose();
        _input.Dispose();
    }
}
