using NewsBot.Bots;
using NewsBot.Core.Answering;
using NewsBot.Core.Storage;
using Xunit;

namespace NewsBot.Tests;

public sealed class BotRepliesTests
{
    [Fact]
    public void One_outlet_is_one_outlet()
    {
        var stats = new StoreStats(3, 9, 1, DateTimeOffset.UtcNow.AddDays(-3), DateTimeOffset.UtcNow, null, "");

        var reply = BotReplies.Outlets(new NewsSummary(stats, ["Harbour Courier"], []));

        Assert.StartsWith("I read **1 outlet**: Harbour Courier.", reply.Text, StringComparison.Ordinal);
    }
}
