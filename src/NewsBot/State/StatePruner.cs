using Microsoft.Extensions.Options;
using NewsBot.SideData;

namespace NewsBot.State;

/// <summary>Deletes conversation state and feedback older than <see cref="BotOptions.RetentionDays"/>, on start and every hour.</summary>
public sealed class StatePruner(SqliteBotStorage state, FeedbackStore feedback, IOptions<BotOptions> options, TimeProvider time, ILogger<StatePruner> logger) : BackgroundService
{
    public async Task PruneAsync(CancellationToken cancellationToken)
    {
        var before = time.GetUtcNow() - TimeSpan.FromDays(options.Value.RetentionDays);
        var conversations = await state.PruneAsync(before, cancellationToken);
        var comments = await feedback.PruneAsync(before, cancellationToken);
        if (conversations + comments > 0)
        {
            logger.LogInformation("Deleted {Conversations} conversation states and {Feedback} feedback entries older than {Days} days (Bot:RetentionDays)", conversations, comments, options.Value.RetentionDays);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(1), time);
        do
        {
            try
            {
                await PruneAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is Microsoft.Data.Sqlite.SqliteException or IOException)
            {
                logger.LogWarning("Could not prune old conversation state: {Reason}", ex.Message);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
