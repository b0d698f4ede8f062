using NewsBot.Security;
using Xunit;

namespace NewsBot.Tests;

/// <summary>A limit "a minute" is a token bucket: what a sender is told matches how it behaves.</summary>
public sealed class RateLimitWordsTests
{
    [Theory]
    [InlineData(30, 5, "up to 5 at once, then one every 2 seconds (30 a minute)")]
    [InlineData(300, 50, "up to 50 at once, then 5 a second (300 a minute)")]
    [InlineData(6, 5, "up to 5 at once, then one every 10 seconds (6 a minute)")]
    [InlineData(6000, 1000, "up to 1000 at once, then 100 a second (6000 a minute)")]
    public void The_words_give_the_burst_and_the_refill_the_bucket_has(int perMinute, int burst, string words)
    {
        var bucket = RateLimitResponses.PerMinute(perMinute);

        Assert.Equal(burst, bucket.TokenLimit);
        Assert.Equal(TimeSpan.FromMinutes(1) / perMinute, bucket.ReplenishmentPeriod);
        Assert.Equal(words, RateLimitResponses.Describe(perMinute));
    }
}
