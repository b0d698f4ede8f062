using System.Threading.RateLimiting;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;

namespace NewsBot.Security;

/// <summary>
/// With app credentials, a request's channel token is checked before anything is counted against its conversation,
/// so requests that merely name a conversation cannot throttle it for its real users. Requests that fail the check
/// are charged to the caller's address alone: past <see cref="RateLimitOptions.PerClientPerMinute"/> a minute they
/// are refused 429 without reading the token. A token that is not even a JWT ("Bearer x") is a 401 like any other.
/// </summary>
public sealed class ChannelAuthentication(BotFrameworkAuthentication authentication, BotAccess access, IOptions<RateLimitOptions> options) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _rejected = PartitionedRateLimiter.Create<string, string>(client =>
        options.Value.Enabled
            ? RateLimitPartition.GetTokenBucketLimiter(client, _ => RateLimitResponses.PerMinute(options.Value.PerClientPerMinute))
            : RateLimitPartition.GetNoLimiter(client));

    /// <summary>Null when the request may go on; else the status and reason to refuse it with.</summary>
    public async Task<(int Status, string Reason, TimeSpan? RetryAfter)?> CheckAsync(Activity activity, string? authorization, string client, CancellationToken cancellationToken)
    {
        if (access.IsAnonymous)
        {
            return null; // No credentials: nothing to check (the bot serves this machine only, see ActivityGate).
        }

        // Whole permits left (a token bucket refills in fractions, so a zero-permit probe would pass on a fraction).
        if (options.Value.Enabled && _rejected.GetStatistics(client) is { CurrentAvailablePermits: < 1 })
        {
            return (StatusCodes.Status429TooManyRequests, "Too many unauthenticated requests from this address; try again shortly.", RetryAfter);
        }

        if (!LooksLikeBearerJwt(authorization))
        {
            return Rejected(client, "The request has no valid channel token.");
        }

        try
        {
            await authentication.AuthenticateRequestAsync(activity, authorization, cancellationToken);
            return null;
        }
        catch (Exception ex) when (ex is not OperationCanceledException && !IsKeyRetrievalFailure(ex))
        {
            return Rejected(client, "The request's channel token is not valid.");
        }
    }

    /// <summary>IdentityModel's failure to fetch the OpenID metadata (IDX20803) behind a token check: not the caller's fault.</summary>
    public static bool IsKeyRetrievalFailure(Exception ex) =>
        ex is InvalidOperationException && ex.Message.StartsWith("IDX20803", StringComparison.Ordinal);

    public void Dispose() => _rejected.Dispose();

    private (int, string, TimeSpan?) Rejected(string client, string reason)
    {
        using var charged = _rejected.AttemptAcquire(client);
        return (StatusCodes.Status401Unauthorized, reason, null);
    }

    /// <summary>About one refill of the bucket.</summary>
    private TimeSpan RetryAfter => TimeSpan.FromMinutes(1) / options.Value.PerClientPerMinute;

    /// <summary>"Bearer " and three base64url parts: anything else is refused without a parser seeing it.</summary>
    private static bool LooksLikeBearerJwt(string? header)
    {
        if (header is null || !header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) || header.Length > 16_384)
        {
            return false;
        }

        var parts = header[7..].Trim().Split('.');
        return parts.Length == 3 && parts[0].Length > 0 && parts[1].Length > 0
            && parts.All(p => p.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'));
    }
}
