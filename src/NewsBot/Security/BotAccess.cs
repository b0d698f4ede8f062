using System.Net;

namespace NewsBot.Security;

/// <summary>
/// Who may talk to the bot. With app credentials, the Bot Framework checks every request's channel token. Without
/// them the bot is anonymous: any caller is trusted, so it serves this machine only (callers and reply addresses on
/// loopback) unless <see cref="BotOptions.AllowAnonymousRemote"/> says otherwise.
/// </summary>
public sealed class BotAccess(IConfiguration configuration, Microsoft.Extensions.Options.IOptions<BotOptions> options)
{
    public bool IsAnonymous => string.IsNullOrWhiteSpace(configuration["MicrosoftAppId"]);

    /// <summary>Anonymous and limited to this machine.</summary>
    public bool IsLocalOnly => IsAnonymous && !options.Value.AllowAnonymousRemote;

    /// <summary>A caller on this machine; in-process test servers have no address and count as local.</summary>
    public static bool IsLocalCaller(IPAddress? remote) => remote is null || IPAddress.IsLoopback(remote.IsIPv4MappedToIPv6 ? remote.MapToIPv4() : remote);

    /// <summary>
    /// Whether the bot may send to this reply address: an absolute http(s) address, on this machine when the bot is
    /// local-only. The same rule for a reply to an incoming request and for a message sent on the bot's own initiative.
    /// </summary>
    public bool AllowsReplyTo(string? serviceUrl) =>
        Uri.TryCreate(serviceUrl, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps)
        && (!IsLocalOnly || IsLoopbackUrl(url));

    /// <summary>
    /// Whether a URL names this machine, decided from the text alone: no DNS lookup, no connection. Loopback means a
    /// loopback address or the name "localhost" itself; "evil.localhost" would go to the system resolver.
    /// </summary>
    public static bool IsLoopbackUrl(Uri url)
    {
        var host = url.Host.Trim('[', ']');
        if (host.Equals("localhost", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        return IPAddress.TryParse(host, out var address) && IPAddress.IsLoopback(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address);
    }

    /// <summary>Whether a listening address (Kestrel's, e.g. http://0.0.0.0:3978) accepts connections from this machine only.</summary>
    public static bool IsLoopbackListener(string address)
    {
        var normalized = address.Replace("://+", "://0.0.0.0", StringComparison.Ordinal).Replace("://*", "://0.0.0.0", StringComparison.Ordinal);
        return Uri.TryCreate(normalized, UriKind.Absolute, out var url) && IsLoopbackUrl(url);
    }
}
