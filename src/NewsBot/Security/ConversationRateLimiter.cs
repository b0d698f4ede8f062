using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace NewsBot.Security;

/// <summary>Messages per conversation (<see cref="RateLimitOptions.PerConversationPerMinute"/>), a token bucket for each.</summary>
public sealed class ConversationRateLimiter(IOptions<RateLimitOptions> options) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(conversation =>
        options.Value.Enabled
            ? RateLimitPartition.GetTokenBucketLimiter(conversation, _ => RateLimitResponses.PerMinute(options.Value.PerConversationPerMinute))
            : RateLimitPartition.GetNoLimiter(conversation));

    public bool TryAcquire(string conversationId, out TimeSpan? retryAfter)
    {
        using var lease = _limiter.AttemptAcquire(conversationId);
        retryAfter = !lease.IsAcquired && lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : null;
        return lease.IsAcquired;
    }

    /// <summary>What a refused sender is told: the limit, its burst and refill, and when to try again.</summary>
    public string Refusal(TimeSpan? retryAfter) => RateLimitResponses.Refusal("messages in this conversation", options.Value.PerConversationPerMinute, retryAfter);

    public void Dispose() => _limiter.Dispose();
}
