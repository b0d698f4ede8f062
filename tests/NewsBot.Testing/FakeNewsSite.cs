using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace NewsBot.Testing;

/// <summary>
/// A news site on a loopback port: an RSS feed of teasers whose pages hold the full stories, an Atom feed with
/// relative links, and whatever a test adds. Every story is invented. Counts the requests per path.
/// </summary>
public sealed class FakeNewsSite : IAsyncDisposable
{
    public const string Outlet = "Harbour Herald";
    private readonly ConcurrentDictionary<string, (int Status, string Type, byte[] Body)> _routes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _requests = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _notModified = new(StringComparer.Ordinal);
    private LoopbackServer _server = null!;

    public string Url => _server.Url;

    public static async Task<FakeNewsSite> StartAsync()
    {
        var site = new FakeNewsSite();
        site._server = await LoopbackServer.StartAsync(app => app.Run(site.ServeAsync));
        site.AddDefaults();
        return site;
    }

    public void Serve(string path, string contentType, string body, int status = 200) => Serve(path, contentType, System.Text.Encoding.UTF8.GetBytes(body), status);

    public void Serve(string path, string contentType, byte[] body, int status = 200) => _routes[path] = (status, contentType, body);

    public int Requests(string path) => _requests.TryGetValue(path, out var count) ? count : 0;

    /// <summary>Requests for the path answered "304 Not Modified" (the client sent the current ETag).</summary>
    public int NotModified(string path) => _notModified.TryGetValue(path, out var count) ? count : 0;

    /// <summary>A page whose main text SmartReader finds: a headline and paragraphs among navigation and a footer.</summary>
    public static string Page(string headline, params string[] paragraphs) => $"""
        <html><head><title>{headline} | {Outlet}</title><meta property="og:site_name" content="{Outlet}"></head>
        <body><nav><a href="/">Home</a> <a href="/city">City</a> Subscribe for 1 euro</nav>
        <article><h1>{headline}</h1>{string.Concat(paragraphs.Select(p => $"<p>{p}</p>"))}</article>
        <footer>Cookie settings. Copyright {Outlet}.</footer></body></html>
        """;

    private void AddDefaults()
    {
        Serve("/city/rss.xml", "application/rss+xml; charset=utf-8", $"""
            <?xml version="1.0" encoding="utf-8"?>
            <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
              <channel>
                <title>{Outlet} - City</title><link>{Url}/</link><description>City news</description>
                <item>
                  <title>Port Alder opens its first tram line</title>
                  <link>{Url}/city/tram-line</link>
                  <guid isPermaLink="true">{Url}/city/tram-line</guid>
                  <description>&lt;p&gt;The first tram in forty years ran on Monday.&lt;/p&gt;</description>
                  <pubDate>Mon, 09 Nov 2026 08:30:00 GMT</pubDate>
                  <dc:creator>Mira Olsen</dc:creator>
                  <category>Transport</category>
                </item>
                <item>
                  <title>Council adopts a smaller harbour budget</title>
                  <link>{Url}/city/budget</link>
                  <pubDate>Tue, 10 Nov 2026 17:05:00 +0100</pubDate>
                  <author>desk@harbour-herald.example (Jonas Berg)</author>
                  <content:encoded><![CDATA[{FullBudgetStory}]]></content:encoded>
                </item>
                <item>
                  <title>Lighthouse keeper retires after 31 years</title>
                  <link>{Url}/city/lighthouse</link>
                  <description>Anna Lind hands over the Alder Point light this winter.</description>
                  <pubDate>Wed, 11 Nov 2026 07:00:00 GMT</pubDate>
                </item>
              </channel>
            </rss>
            """);
        Serve("/city/tram-line", "text/html; charset=utf-8", Page("Port Alder opens its first tram line",
            "The first tram in forty years carried passengers across Port Alder on Monday morning, when the new Harbour Line opened between the ferry terminal and the university.",
            "The line is 7.4 kilometres long and has eleven stops. The city says trams will run every six minutes at peak times and that a single fare costs 2 euros.",
            "Mayor Elin Varga rode the first tram and said the line would take three thousand cars a day off the coast road. Shop owners on Quay Street, closed for two years of works, reopened their terraces for the day.",
            "A second line to the airport is planned for 2029, subject to a vote of the regional assembly next spring."));
        Serve("/city/lighthouse", "text/plain", "Not found", 404);
        Serve("/atom.xml", "application/atom+xml", $"""
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom" xml:base="{Url}/">
              <title>{Outlet} Sport</title><id>urn:harbour-herald:sport</id><updated>2026-11-12T10:00:00Z</updated>
              <entry>
                <title>Alder Rowing Club wins the autumn regatta</title>
                <link rel="alternate" href="sport/regatta"/>
                <id>urn:harbour-herald:regatta</id>
                <updated>2026-11-12T09:00:00Z</updated>
                <author><name>Sara Quist</name></author>
                <content type="html">{System.Net.WebUtility.HtmlEncode(FullRegattaStory)}</content>
              </entry>
            </feed>
            """);
    }

    public const string FullBudgetStory =
        "<p>Port Alder's council adopted a harbour budget of 48 million euros on Tuesday evening, six million less than the harbour board had asked for.</p>" +
        "<p>The cut falls mostly on the planned cruise pier, which is postponed by two years. Dredging of the container basin and the repair of the north breakwater go ahead as planned.</p>" +
        "<p>Councillor Tove Ahl, who voted against, said the city was choosing short-term savings over jobs. The harbour board said it would present a revised plan in January and look for private partners for the pier.</p>" +
        "<p>The budget passed by 23 votes to 18 after a four-hour debate.</p>";

    public const string FullRegattaStory =
        "<p>The Alder Rowing Club won the autumn regatta on Sunday, beating the Northbay crew by two seconds in the eights final on the Alder river.</p>" +
        "<p>It is the club's first regatta win since 2019. Coach Petra Holm credited a winter of training on the indoor tank built last year, and said the crew would now aim for the national championships in May.</p>" +
        "<p>More than four thousand spectators lined the river banks despite the rain, the organisers said, a record for the autumn event.</p>";

    private async Task ServeAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        _requests.AddOrUpdate(path, 1, (_, count) => count + 1);
        if (!_routes.TryGetValue(path, out var route))
        {
            context.Response.StatusCode = 404;
            return;
        }

        var etag = $"\"{Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(route.Body))[..16]}\"";
        if (route.Status == 200 && context.Request.Headers.IfNoneMatch.ToString() == etag)
        {
            _notModified.AddOrUpdate(path, 1, (_, count) => count + 1);
            context.Response.StatusCode = 304;
            return;
        }

        context.Response.StatusCode = route.Status;
        context.Response.ContentType = route.Type;
        context.Response.Headers.ETag = etag;
        await context.Response.Body.WriteAsync(route.Body);
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
