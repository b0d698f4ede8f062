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
                var wait = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var given) ? given : (TimeSpan?)null;
                SetRetryAfter(rejected.HttpContext.Response, wait);
                var perMinute = rejected.HttpContext.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value.PerClientPerMinute;
                await rejected.HttpContext.Response.WriteAsJsonAsync(new { error = Refusal("requests from this address", perMinute, wait) }, cancellationToken);
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

    /// <summary>A steady rate with a burst of about ten seconds' worth (at least 5): <see cref="Describe"/> says it in words.</summary>
    public static TokenBucketRateLimiterOptions PerMinute(int perMinute) => new()
    {
        TokenLimit = Burst(perMinute),
        TokensPerPeriod = 1,
        ReplenishmentPeriod = TimeSpan.FromMinutes(1) / perMinute,
        QueueLimit = 0,
        AutoReplenishment = true,
    };

    /// <summary>"up to 5 at once, then one every 2 seconds (30 a minute)": how a limit of so many a minute behaves.</summary>
    public static string Describe(int perMinute)
    {
        var seconds = 60.0 / perMinute;
        var every = seconds >= 1 ? $"one every {seconds.ToString("0.#", CultureInfo.InvariantCulture)} seconds" : $"{(perMinute / 60.0).ToString("0.#", CultureInfo.InvariantCulture)} a second";
        return $"up to {Burst(perMinute)} at once, then {every} ({perMinute} a minute)";
    }

    /// <summary>The reply to a refused message: the limit, its burst and refill, and when to try again.</summary>
    public static string Refusal(string what, int perMinute, TimeSpan? retryAfter) =>
        $"Too many {what}: {Describe(perMinute)}. Try again in {Math.Max(1, (int)Math.Ceiling((retryAfter ?? TimeSpan.FromSeconds(1)).TotalSeconds))} s.";

    private static int Burst(int perMinute) => Math.Max(5, perMinute / 6);

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
