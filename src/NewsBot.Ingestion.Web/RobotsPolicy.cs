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
    private readonly ConcurrentDictionary<string, (Lazy<Task<RobotsRules>> Rules, DateTimeOffset ReadAt)> _sites = new(StringComparer.OrdinalIgnoreCase);

    public async Task<bool> AllowsAsync(Uri page, bool publicOnly, CancellationToken cancellationToken)
    {
        if (!options.Value.RespectRobotsTxt)
        {
            return true;
        }

        var site = page.GetLeftPart(UriPartial.Authority);
        var now = clock.GetUtcNow();
        // Lazy: of the reads AddOrUpdate may create when pages race, only the one it keeps is started.
        Lazy<Task<RobotsRules>> Read() => new(() => ReadAsync(new Uri(site + "/robots.txt"), publicOnly, cancellationToken));
        var entry = _sites.AddOrUpdate(
            site,
            _ => (Read(), now),
            (_, old) => now - old.ReadAt > Lifetime || old.Rules.Value.IsFaulted || old.Rules.Value.IsCanceled ? (Read(), now) : old);
        return (await entry.Rules.Value).Allows(page.PathAndQuery);
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
