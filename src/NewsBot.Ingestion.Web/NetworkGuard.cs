using System.Net;
using System.Net.Sockets;

namespace NewsBot.Ingestion.Web;

/// <summary>
/// Keeps downloads out of places a news reader has no business in. Link-local addresses (cloud metadata services
/// such as 169.254.169.254) are never connected to. A request marked <see cref="PublicOnly"/> (a link found in a
/// feed read from the internet) is refused any private, loopback or shared address, so a feed cannot steer NewsBot
/// into the network it runs in and have it quote what it finds there. Checked on every connection, redirects included.
/// </summary>
public static class NetworkGuard
{
    public static readonly HttpRequestOptionsKey<bool> PublicOnly = new("NewsBot.PublicOnly");

    public static async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var host = context.DnsEndPoint.Host;
        var addresses = IPAddress.TryParse(host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, cancellationToken);
        var publicOnly = context.InitialRequestMessage.Options.TryGetValue(PublicOnly, out var flag) && flag;
        var allowed = addresses.Where(a => !IsLinkLocal(a) && (!publicOnly || !IsPrivate(a))).ToArray();
        if (allowed.Length == 0)
        {
            throw new HttpRequestException(publicOnly
                ? $"{host} is a private or local address, and NewsBot does not follow links from internet feeds into private networks"
                : $"{host} is a link-local address (such as a cloud metadata service), which NewsBot never reads");
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(allowed, context.DnsEndPoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>Whether any address of the host is private, loopback or local (an intranet or this machine).</summary>
    public static async Task<bool> IsPrivateHostAsync(Uri url, CancellationToken cancellationToken)
    {
        try
        {
            var addresses = IPAddress.TryParse(url.Host.Trim('[', ']'), out var literal) ? [literal] : await Dns.GetHostAddressesAsync(url.DnsSafeHost, cancellationToken);
            return addresses.Any(IsPrivate);
        }
        catch (SocketException)
        {
            return false;
        }
    }

    public static bool IsLinkLocal(IPAddress address)
    {
        address = Embedded(address);
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = address.GetAddressBytes();
            return (b[0] == 169 && b[1] == 254) || b[0] == 0 || b[0] >= 224;
        }

        return address.IsIPv6LinkLocal || address.IsIPv6Multicast || address.Equals(IPAddress.IPv6Any);
    }

    /// <summary>Loopback, RFC 1918, shared (100.64/10), link-local, unique-local IPv6, and unspecified addresses.</summary>
    public static bool IsPrivate(IPAddress address)
    {
        address = Embedded(address);
        if (IPAddress.IsLoopback(address) || IsLinkLocal(address))
        {
            return true;
        }

        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = address.GetAddressBytes();
            return b[0] == 10 || (b[0] == 172 && b[1] >= 16 && b[1] <= 31) || (b[0] == 192 && b[1] == 168) || (b[0] == 100 && b[1] >= 64 && b[1] <= 127);
        }

        return address.IsIPv6UniqueLocal || address.IsIPv6SiteLocal;
    }

    /// <summary>
    /// The IPv4 address an IPv6 address carries, where it carries one: IPv4-mapped (::ffff:a.b.c.d), NAT64
    /// (64:ff9b::a.b.c.d, which a NAT64 gateway forwards to a.b.c.d) and IPv4-compatible (::a.b.c.d).
    /// </summary>
    public static IPAddress Embedded(IPAddress address)
    {
        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address;
        }

        if (address.IsIPv4MappedToIPv6)
        {
            return address.MapToIPv4();
        }

        var b = address.GetAddressBytes();
        var nat64 = b[0] == 0x00 && b[1] == 0x64 && b[2] == 0xff && b[3] == 0x9b && b.Skip(4).Take(8).All(x => x == 0);
        var compatible = b.Take(12).All(x => x == 0) && !(b[12] == 0 && b[13] == 0 && b[14] == 0 && b[15] <= 1);
        return nat64 || compatible ? new IPAddress(b[12..]) : address;
    }
}
