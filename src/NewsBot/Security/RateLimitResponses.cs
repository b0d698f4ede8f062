using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using NewsBot.Core;

namespace NewsBot.Security;

/// <summary>ASP.NET Core's rate limiter for the chat endpoints: one token bucket per client address, 429 with Retry-After.</summary>
public static class RateLimitResponses
{
    public const string ChannelPolicy = "channel";

    public static IServiceCollection AddNewsBotRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<RateLimitOptions>(configuration, RateLimitOptions.SectionName);
        services.AddSingleton<ConversationRateLimiter>();
        services.AddSingleton<ChannelAuthentication>();
        services.AddSingleton<RefusalLog>();
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = async (rejected, cancellationToken) =>
            {
                SetRetryAfter(rejected.HttpContext.Response, rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : null);
                await rejected.HttpContext.Response.WriteAsJsonAsync(new { error = "Too many requests from this address; try again shortly." }, cancellationToken);
            };
            limiter.AddPolicy(ChannelPolicy, context =>
            {
                var settings = context.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value;
                var client = context.Connection.RemoteIpAddress?.ToString() ?? "in-process";
                // With credentials, /api/messages traffic comes from the Bot Framework service's few addresses on
                // behalf of every user: a limit per address would throttle them all. Each conversation's own limit holds.
                var channelTraffic = !context.RequestServices.GetRequiredService<BotAccess>().IsAnonymous && context.Request.Path.StartsWithSegments("/api/messages");
                return settings.Enabled && !channelTraffic
                    ? RateLimitPartition.GetTokenBucketLimiter(client, _ => PerMinute(settings.PerClientPerMinute))
                    : RateLimitPartition.GetNoLimiter(client);
            });
        });
        return services;
    }

    /// <summary>A steady rate with a burst of about ten seconds' worth.</summary>
    public static TokenBucketRateLimiterOptions PerMinute(int perMinute) => new()
    {
        TokenLimit = Math.Max(5, perMinute / 6),
        TokensPerPeriod = 1,
        ReplenishmentPeriod = TimeSpan.FromMinutes(1) / perMinute,
        QueueLimit = 0,
        AutoReplenishment = true,
    };

    public static void SetRetryAfter(HttpResponse response, TimeSpan? wait, bool onlyWhenGiven)
    {
        if (wait is not null || !onlyWhenGiven)
        {
            SetRetryAfter(response, wait);
        }
    }

    public static void SetRetryAfter(HttpResponse response, TimeSpan? wait) =>
        response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling((wait ?? TimeSpan.FromSeconds(1)).TotalSeconds)).ToString(CultureInfo.InvariantCulture);
}
