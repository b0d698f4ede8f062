using Microsoft.Extensions.Options;
using NewsBot.Core.Ingestion;
using NewsBot.Core.Telemetry;
using NewsBot.Ingestion.Web;

namespace NewsBot.Hosting;

/// <summary>Reads the configured feeds (<c>Feeds:Urls</c>, <c>Feeds:Sources</c>) on start and every <c>Feeds:RefreshMinutes</c>, so new stories are answerable without anyone running the CLI.</summary>
public sealed class FeedRefresher(IngestionPipeline pipeline, IOptions<FeedOptions> options, FeedStatus status, TimeProvider clock, ILogger<FeedRefresher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var feeds = options.Value;
        if (feeds.AllUrls.Count == 0)
        {
            return;
        }

        var interval = TimeSpan.FromMinutes(feeds.RefreshMinutes);
        using var timer = new PeriodicTimer(interval, clock);
        do
        {
            await RefreshAsync(feeds.AllUrls, interval, stoppingToken);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task RefreshAsync(IReadOnlyList<string> urls, TimeSpan interval, CancellationToken stoppingToken)
    {
        try
        {
            var report = await pipeline.IngestAsync(urls, cancellationToken: stoppingToken);
            var failed = report.Outcomes.Where(o => o.Status == IngestStatus.Failed).ToArray();
            var errors = failed.Select(o => $"{o.Location}: {o.Error}").ToArray();
            status.Record(new FeedRefresh(clock.GetUtcNow(), clock.GetUtcNow() + interval, report.New, report.Updated, report.Unchanged, errors));
            NewsBotTelemetry.FeedErrors.Add(errors.Length);
            logger.LogInformation("Feeds read: {New} new, {Updated} updated, {DetailsUpdated} with new details only, {Unchanged} unchanged, {Failed} failed", report.New, report.Updated, report.DetailsUpdated, report.Unchanged, errors.Length);
            foreach (var outcome in failed)
            {
                // A feed that could not be read at all (404, not a feed) is a feed, not one of its items.
                if (urls.Any(u => string.Equals(u, outcome.Location, StringComparison.OrdinalIgnoreCase) || string.Equals(NewsBot.Core.Text.Credentials.Hidden(u), outcome.Location, StringComparison.OrdinalIgnoreCase)))
                {
                    logger.LogWarning("Feed not read: {Error}", $"{outcome.Location}: {outcome.Error}");
                }
                else
                {
                    logger.LogWarning("Feed item not stored: {Error}", $"{outcome.Location}: {outcome.Error}");
                }
            }
        }
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
        {
            // Whatever went wrong (store, embedding service), the bot keeps answering and the next round tries again;
            // /healthz shows the reason meanwhile.
            var reason = NewsBot.Core.Text.Credentials.Hidden(ex.Message);
            status.Record(new FeedRefresh(clock.GetUtcNow(), clock.GetUtcNow() + interval, 0, 0, 0, [reason]));
            NewsBotTelemetry.FeedErrors.Add(urls.Count);
            logger.LogError("Feeds could not be stored: {Reason}", reason);
        }
    }
}
