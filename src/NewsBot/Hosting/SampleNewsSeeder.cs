using Microsoft.Extensions.Options;
using NewsBot.Core.Ingestion;
using NewsBot.Core.Storage;

namespace NewsBot.Hosting;

/// <summary>
/// On first start, into a store that did not exist, ingests the sample news so a newcomer can ask straight away. A
/// store that existed but holds no articles (a 0-byte file, every article deleted) is reported, never filled with
/// the made-up sample news.
/// </summary>
public sealed class SampleNewsSeeder(INewsStore store, IngestionPipeline pipeline, IOptions<BotOptions> options, ILogger<SampleNewsSeeder> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        StoreStats stats;
        try
        {
            stats = await store.GetStatsAsync(cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            // Whatever is wrong with the store (unreachable, damaged, not a NewsBot store), the host stays up so that
            // /healthz can say so; questions get an apology until the store answers.
            logger.LogError("The news store is unavailable: {Reason}", ex.Message);
            return;
        }

        if (!options.Value.SeedSampleNews || stats.Articles > 0)
        {
            return;
        }

        if (store is IStoreCreation { ExistedBefore: true } existing)
        {
            logger.LogWarning("The store at {Location} exists but holds no articles. Sample news goes only into a new store: ingest news with the CLI, or move the file away to start again with the sample news", existing.Location);
            return;
        }

        var path = Path.Combine(AppContext.BaseDirectory, options.Value.SampleNewsPath);
        if (!File.Exists(path))
        {
            logger.LogWarning("The store is empty and the sample news is not at {Path}; ingest news with the CLI", path);
            return;
        }

        IngestReport report;
        try
        {
            report = await pipeline.IngestAsync([path], cancellationToken: cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogError("Could not store the sample news: {Reason}", ex.Message);
            return;
        }

        logger.LogInformation("The store was empty: ingested {Count} sample articles from {Path}", report.New, path);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
