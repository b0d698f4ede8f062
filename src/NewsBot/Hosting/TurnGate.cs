using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using NewsBot.Core.Answering;

namespace NewsBot.Hosting;

/// <summary>
/// How many turns from <c>/api/messages</c> run at once (<see cref="BotOptions.MaxConcurrentTurns"/>); the rest wait
/// in arrival order, up to <see cref="BotOptions.MaxQueuedTurns"/>. A busy morning then costs every reader about the
/// same wait instead of a few readers long ones: turns that all compete for two cores at once finish late together.
/// </summary>
public sealed class TurnGate(IOptions<BotOptions> options, IOptions<ChatModelOptions> chat) : IDisposable
{
    private readonly ConcurrencyLimiter _limiter = new(new ConcurrencyLimiterOptions
    {
        PermitLimit = Permits(options.Value, chat.Value),
        QueueLimit = options.Value.MaxQueuedTurns,
        QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
    });

    /// <summary>A lease to run the turn, acquired once the turns ahead of it have started; not acquired when too many wait.</summary>
    public ValueTask<RateLimitLease> EnterAsync(CancellationToken cancellationToken) => _limiter.AcquireAsync(1, cancellationToken);

    /// <summary>Turns waiting for one ahead of them to finish.</summary>
    public long Waiting => _limiter.GetStatistics()?.CurrentQueuedCount ?? 0;

    /// <summary>The turns run at once: as configured, else by where answers are written (<see cref="BotOptions.MaxConcurrentTurns"/>).</summary>
    public static int Permits(BotOptions options, ChatModelOptions chat) =>
        options.MaxConcurrentTurns > 0 ? options.MaxConcurrentTurns : chat.IsEnabled ? 256 : 2 * Environment.ProcessorCount;

    public void Dispose() => _limiter.Dispose();
}
