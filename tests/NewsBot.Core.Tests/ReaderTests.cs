using NewsBot.Core.Ingestion;
using NewsBot.Ingestion.Files;
using NewsBot.Testing;
using Xunit;

namespace NewsBot.Core.Tests;

public sealed class ReaderTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    [Fact]
    public async Task Jsonl_accepts_the_common_field_names_and_reports_bad_lines_by_number()
    {
        var path = _directory.File("feed.jsonl", string.Join('\n',
            """{"headline":"Bridge reopens","text":"The bridge reopened today.","link":"https://a.example/bridge","publisher":{"name":"Alpha News"},"pubDate":"Mon, 02 Nov 2026 08:00:00 GMT","author":["Ann Lee","Bo Chen"],"category":"local"}""",
            """{"title":"Broken line", "body": """,
            "",
            """{"title":"No body here","url":"https://a.example/empty"}""",
            """{"body":"A body without a title."}""",
            """{"title":"Bad date","body":"Text.","published_at":"the day after tomorrow"}""",
            """{"title":"Second","content":"Another story.","outlet":"Beta Daily","date":"2026-11-03"}"""));

        var items = await ReadAllAsync(new JsonArticleReader(), path);

        Assert.Equal(6, items.Count);
        var first = items[0].Article!;
        Assert.Equal("Bridge reopens", first.Title);
        Assert.Equal("The bridge reopened today.", first.Body);
        Assert.Equal("https://a.example/bridge", first.Url);
        Assert.Equal("Alpha News", first.Source);
        Assert.Equal("Ann Lee, Bo Chen", first.Author);
        Assert.Equal(new DateTimeOffset(2026, 11, 2, 8, 0, 0, TimeSpan.Zero), first.PublishedAt);
        Assert.Equal($"{path}:2", items[1].Location);
        Assert.StartsWith("malformed JSON at line 2, column ", items[1].Error, StringComparison.Ordinal);
        Assert.DoesNotContain("BytePositionInLine", items[1].Error, StringComparison.Ordinal);
        Assert.Equal($"{path}:4", items[2].Location);
        Assert.Contains("no body", items[2].Error);
        Assert.Contains("no title", items[3].Error);
        Assert.Contains("not a date", items[4].Error);
        Assert.Equal("Beta Daily", items[5].Article!.Source);
        Assert.Equal(new DateTimeOffset(2026, 11, 3, 0, 0, 0, TimeSpan.Zero), items[5].Article!.PublishedAt);
    }

    [Fact]
    public async Task The_outlets_own_update_time_is_read_under_its_usual_names_and_a_bad_one_is_reported()
    {
        var path = _directory.File("updated.jsonl", string.Join('\n',
            """{"title":"One","body":"Text.","published_at":"2026-11-20T08:00:00Z","updated_at":"2026-11-22T16:30:00Z"}""",
            """{"title":"Two","body":"Text.","datePublished":"2026-11-20T08:00:00Z","dateModified":"2026-11-23T09:00:00Z"}""",
            """{"title":"Three","body":"Text.","published_at":"2026-11-20T08:00:00Z","updated_at":"last Tuesday"}"""));

        var items = await ReadAllAsync(new JsonArticleReader(), path);

        Assert.Equal(new DateTimeOffset(2026, 11, 22, 16, 30, 0, TimeSpan.Zero), items[0].Article!.UpdatedAt);
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero), items[1].Article!.UpdatedAt);
        Assert.Contains("the update date 'last Tuesday' is not a date", items[2].Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Made_up_news_dated_as_of_a_day_moves_so_that_day_is_today()
    {
        var path = _directory.File("demo.jsonl", string.Join('\n',
            """{"title":"Newest","body":"Text.","published_at":"2026-11-27T10:20:00Z","dated_as_of":"2026-11-28"}""",
            """{"title":"Older","body":"Text.","published_at":"2026-10-28T13:05:00Z","dated_as_of":"2026-11-28"}""",
            """{"title":"Real","body":"Text.","published_at":"2026-10-28T13:05:00Z"}""",
            """{"title":"Bad","body":"Text.","published_at":"2026-10-28T13:05:00Z","dated_as_of":"soon"}"""));
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2027, 3, 15, 7, 0, 0, TimeSpan.Zero));

        var items = await ReadAllAsync(new JsonArticleReader(clock), path);

        Assert.Equal(new DateTimeOffset(2027, 3, 14, 10, 20, 0, TimeSpan.Zero), items[0].Article!.PublishedAt); // yesterday
        Assert.Equal(new DateTimeOffset(2027, 2, 12, 13, 5, 0, TimeSpan.Zero), items[1].Article!.PublishedAt); // 30 days before it, as written
        Assert.Equal(new DateTimeOffset(2026, 10, 28, 13, 5, 0, TimeSpan.Zero), items[2].Article!.PublishedAt);
        Assert.Contains("dated_as_of 'soon' is not a date", items[3].Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("https://a.example/x) [Log in](https://phish.example")]
    [InlineData("/relative/path")]
    [InlineData("ftp://a.example/file")]
    [InlineData("https://a.example/<script>")]
    public async Task An_article_url_that_is_not_an_absolute_web_address_is_rejected_with_the_reason(string url)
    {
        var path = _directory.File("links.jsonl", System.Text.Json.JsonSerializer.Serialize(new { title = "Bridge reopens", body = "The bridge reopened today.", url }));

        var item = Assert.Single(await ReadAllAsync(new JsonArticleReader(), path));

        Assert.Null(item.Article);
        Assert.Contains("is not an absolute http(s) address", item.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Json_reads_an_array_or_an_object_holding_articles()
    {
        var array = _directory.File("a.json", """[{"title":"One","body":"First."},{"title":"Two","body":"Second."}]""");
        var wrapped = _directory.File("b.json", """{"articles":[{"title":"Three","body":"Third."}]}""");
        var single = _directory.File("c.json", """{"title":"Four","body":"Fourth."}""");

        Assert.Equal(["One", "Two"], (await ReadAllAsync(new JsonArticleReader(), array)).Select(i => i.Article!.Title));
        Assert.Equal(["Three"], (await ReadAllAsync(new JsonArticleReader(), wrapped)).Select(i => i.Article!.Title));
        Assert.Equal(["Four"], (await ReadAllAsync(new JsonArticleReader(), single)).Select(i => i.Article!.Title));
    }

    [Fact]
    public async Task Markdown_front_matter_gives_the_metadata_and_markup_is_dropped()
    {
        var path = _directory.File("story.md", """
            ---
            title: Ferry service resumes
            source: Gamma Gazette
            published_at: 2026-11-04T10:00:00Z
            url: https://gamma.example/ferry
            tags: [transport, harbour]
            ---
            The **ferry** resumed service on [Tuesday](https://gamma.example/tuesday).

            ## Timetable
            Boats leave every hour.
            """);

        var article = Assert.Single(await ReadAllAsync(new TextArticleReader(), path)).Article!;

        Assert.Equal("Ferry service resumes", article.Title);
        Assert.Equal("Gamma Gazette", article.Source);
        Assert.Equal(["transport", "harbour"], article.Tags);
        Assert.Equal("The ferry resumed service on Tuesday.\n\nTimetable Boats leave every hour.", article.Body);
    }

    [Fact]
    public async Task Plain_text_takes_its_first_line_as_the_title_and_rejects_an_empty_body()
    {
        var good = _directory.File("note.txt", "Snow closes mountain pass\n\nThe pass closed after heavy snow on Sunday.\n");
        var empty = _directory.File("empty.txt", "Only a headline\n\n");

        var article = Assert.Single(await ReadAllAsync(new TextArticleReader(), good)).Article!;
        Assert.Equal("Snow closes mountain pass", article.Title);
        Assert.Equal("The pass closed after heavy snow on Sunday.", article.Body);
        Assert.Contains("no body", Assert.Single(await ReadAllAsync(new TextArticleReader(), empty)).Error);
    }

    [Fact]
    public async Task Html_keeps_the_article_and_drops_the_page_around_it()
    {
        var paragraph = "The regional museum reopened its maritime hall on Saturday after a two-year renovation that added new galleries. ";
        var path = _directory.File("page.html", $$"""
            <html><head><title>Museum reopens maritime hall | Delta Herald</title>
            <meta property="og:site_name" content="Delta Herald">
            <meta property="article:published_time" content="2026-11-06T12:00:00Z"></head>
            <body><nav><a href="/">Home</a> <a href="/sport">Sport</a> Subscribe now</nav>
            <article><h1>Museum reopens maritime hall</h1>
            <p>{{string.Concat(Enumerable.Repeat(paragraph, 3))}}</p>
            <p>Visitors queued from early morning to see the restored ship models and the lighthouse lens.</p></article>
            <footer>Cookie settings. Copyright Delta Herald.</footer></body></html>
            """);

        var article = Assert.Single(await ReadAllAsync(new HtmlArticleReader(), path)).Article!;

        Assert.Contains("Museum reopens maritime hall", article.Title, StringComparison.Ordinal);
        Assert.Contains("lighthouse lens", article.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("Cookie settings", article.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("Subscribe now", article.Body, StringComparison.Ordinal);
        Assert.Equal("Delta Herald", article.Source);
    }

    [Theory]
    [InlineData("""<link rel="canonical" href="https://bay-ledger.example/city/bay-bridge-reopens">""", "https://bay-ledger.example/city/bay-bridge-reopens")]
    [InlineData("""<meta property="og:url" content="https://bay-ledger.example/city/bay-bridge-reopens">""", "https://bay-ledger.example/city/bay-bridge-reopens")]
    [InlineData("""<link rel="canonical" href="https://bay-ledger.example/city/a"><meta property="og:url" content="https://bay-ledger.example/city/b">""", "https://bay-ledger.example/city/a")]
    [InlineData("""<link rel="canonical" href="/city/relative-only">""", null)]
    [InlineData("""<link rel="canonical" href="javascript:alert(1)">""", null)]
    public async Task A_saved_page_is_linked_to_the_address_it_gives_for_itself(string head, string? expected)
    {
        var path = _directory.File("saved.html", $"""
            <html><head><title>Bay bridge reopens after repairs | Bay Ledger</title>{head}</head>
            <body><article><h1>Bay bridge reopens after repairs</h1>
            <p>The Bay bridge reopened to traffic on Friday morning after eleven weeks of repairs to its steel cables, the city transport office said.</p>
            <p>Engineers replaced 214 cable anchors and resurfaced both lanes. The repairs cost 3.8 million euros, slightly less than the budget of 4 million.</p>
            </article></body></html>
            """);

        var article = Assert.Single(await ReadAllAsync(new HtmlArticleReader(), path)).Article!;

        Assert.Equal(expected, article.Url);
    }

    [Fact]
    public void A_downloaded_page_prefers_its_canonical_address_and_resolves_a_relative_one()
    {
        const string Body = "<article><h1>Bay bridge reopens</h1><p>The Bay bridge reopened to traffic on Friday morning after eleven weeks of repairs to its steel cables, the city transport office said. Engineers replaced 214 cable anchors and resurfaced both lanes. The repairs cost 3.8 million euros, slightly less than the budget of 4 million, and buses on route 12 return to the bridge from Monday.</p></article>";

        var tracked = HtmlArticleReader.Parse($"<html><head><title>Bay bridge reopens</title><link rel=canonical href='/city/bay-bridge'></head><body>{Body}</body></html>", "https://bay-ledger.example/amp/bay-bridge?utm_source=feed", "page").Article!;
        var plain = HtmlArticleReader.Parse($"<html><head><title>Bay bridge reopens</title></head><body>{Body}</body></html>", "https://bay-ledger.example/city/bay-bridge", "page").Article!;

        Assert.Equal("https://bay-ledger.example/city/bay-bridge", tracked.Url);
        Assert.Equal("https://bay-ledger.example/city/bay-bridge", plain.Url);
    }

    [Fact]
    public async Task A_short_news_brief_page_is_still_an_article()
    {
        var path = _directory.File("brief.html", """
            <html><head><title>Bay bridge reopens after repairs | Bay Ledger</title></head>
            <body><nav>Home | City</nav><article><h1>Bay bridge reopens after repairs</h1>
            <p>The Bay bridge reopened to traffic on Friday morning after eleven weeks of repairs to its steel cables, the city transport office said.</p>
            <p>Engineers replaced 214 cable anchors and resurfaced both lanes. The repairs cost 3.8 million euros, slightly less than the budget of 4 million.</p>
            <p>Buses on route 12 return to the bridge from Monday.</p></article><footer>Copyright Bay Ledger</footer></body></html>
            """);

        var article = Assert.Single(await ReadAllAsync(new HtmlArticleReader(), path)).Article!;

        Assert.Contains("The repairs cost 3.8 million euros", article.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("Copyright", article.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_page_with_no_article_on_it_is_named_as_such()
    {
        var path = _directory.File("index.html", "<html><head><title>Bay Ledger</title></head><body><nav><a href='/city'>City</a> <a href='/sport'>Sport</a></nav></body></html>");

        var item = Assert.Single(await ReadAllAsync(new HtmlArticleReader(), path));

        Assert.Null(item.Article);
        Assert.Equal("no article text found on the page", item.Error);
    }

    private static async Task<List<ReadItem>> ReadAllAsync(IArticleReader reader, string path)
    {
        var items = new List<ReadItem>();
        await foreach (var item in reader.ReadAsync(path, CancellationToken.None))
        {
            items.Add(item);
        }

        return items;
    }

    public void Dispose() => _directory.Dispose();

    [Theory]
    [InlineData("{\"title\": \"A\", }", 1, 16)]
    [InlineData("{\"title\": tram}", 1, 13)]
    [InlineData("[\n  {\"title\": \"A\"\n  \"body\": \"B\"}\n]", 3, 3)]
    public async Task A_malformed_json_file_is_reported_by_line_and_column_in_words(string json, int line, int column)
    {
        var path = _directory.File("bad.json", json);

        var item = Assert.Single(await ReadAllAsync(new JsonArticleReader(), path));

        Assert.StartsWith($"malformed JSON at line {line}, column {column}: ", item.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("LineNumber", item.Error, StringComparison.Ordinal);
    }
}
