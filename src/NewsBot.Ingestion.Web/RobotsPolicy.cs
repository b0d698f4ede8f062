using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace NewsBot.Ingestion.Web;

/// <summary>
/// Whether a site lets NewsBot read a page it found in a feed, by the site's robots.txt (read once an hour per site).
/// No robots.txt (a 4xx answer) allows everything; a site whose robots.txt fails (5xx) is left alone until it
/// answers, as RFC 9309 asks; a site that cannot be reached at all fails like its page would, with the reason.
/// <c>Web:RespectRobotsTxt</c> turns this off for sites that are your own.
/// </summary>
public sealed class RobotsPolicy(WebDownloader downloader, IOptions<WebIngestionOptions> options, TimeProvider clock)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);
    // One read per site at a time: a feed's pages are read several at once, and they share the site's robots.txt.
    private readonly ConcurrentDictionary<string, (Task<RobotsRules> Rules, DateTimeOffset ReadAt)> _sites = new(StringComparer.OrdinalIgnoreCase);

    public async Task<bool> AllowsAsync(Uri page, bool publicOnly, CancellationToken cancellationToken)
    {
        if (!options.Value.RespectRobotsTxt)
        {
            return true;
        }

        var site = page.GetLeftPart(UriPartial.Authority);
        var now = clock.GetUtcNow();
        var entry = _sites.AddOrUpdate(
            site,
            _ => (ReadAsync(new Uri(site + "/robots.txt"), publicOnly, cancellationToken), now),
            (_, old) => now - old.ReadAt > Lifetime || old.Rules.IsFaulted || old.Rules.IsCanceled ? (ReadAsync(new Uri(site + "/robots.txt"), publicOnly, cancellationToken), now) : old);
        return (await entry.Rules).Allows(page.PathAndQuery);
    }

    private async Task<RobotsRules> ReadAsync(Uri robots, bool publicOnly, CancellationToken cancellationToken)
    {
        try
        {
            return RobotsRules.Parse((await downloader.GetAsync(robots, cancellationToken, publicOnly: publicOnly)).Text());
        }
        catch (WebReadException ex) when (ex.StatusCode is >= 400 and < 500)
        {
            return RobotsRules.AllowAll;
        }
        catch (WebReadException ex) when (ex.StatusCode is not null)
        {
            return RobotsRules.DisallowAll;
        }
    }
}
