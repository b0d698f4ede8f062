using NewsBot.Core.Storage;

namespace NewsBot.Hosting;

/// <summary>
/// Checks that the store answers the reads a question makes: its statistics, the newest article, a keyword search
/// and a vector search. A store that counts its rows but fails a search (a damaged index) is unhealthy.
/// </summary>
public sealed class StoreProbe(INewsStore store, ILogger<StoreProbe> logger)
{
    public async Task<StoreProbeResult> CheckAsync(CancellationToken cancellationToken)
    {
        try
        {
            var stats = await store.GetStatsAsync(cancellationToken);
            var latest = await store.GetLatestArticlesAsync(1, SearchFilter.None, cancellationToken);
            if (latest.Count > 0)
            {
                var word = latest[0].Title.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault(w => w.Length > 3 && w.All(char.IsLetter)) ?? "news";
                await store.KeywordSearchAsync([word.ToLowerInvariant()], SearchFilter.None, 1, cancellationToken);
                await store.GetArticleAsync(latest[0].Id, cancellationToken);
            }

            if (stats.EmbeddingModel is { Dimensions: > 0 } model)
            {
                var unit = new float[model.Dimensions];
                unit[0] = 1;
                await store.VectorSearchAsync(unit, SearchFilter.None, 1, cancellationToken);
            }

            return new StoreProbeResult(stats, null, null);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("The news store failed its health check: {Reason}", ex.Message);
            return new StoreProbeResult(null, "The news store is unavailable: it did not answer, or could not be read (damaged, or not a NewsBot store).", ex.Message);
        }
    }

    /// <summary>Null when the part answered its probe; else the failure's own message (for the detailed view and the log).</summary>
    public async Task<string?> CheckPartAsync(IHealthProbe part, CancellationToken cancellationToken)
    {
        try
        {
            await part.ProbeAsync(cancellationToken);
            return null;
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("The bot's {Part} failed its health check: {Reason}", part.Part, ex.Message);
            return ex.Message;
        }
    }
}

/// <param name="Stats">The store's statistics when every read worked; null when one failed.</param>
/// <param name="Reason">What a reader of /healthz may know: no paths, no exception text.</param>
/// <param name="Error">The exception's own message, for the detailed view.</param>
public sealed record StoreProbeResult(StoreStats? Stats, string? Reason, string? Error);
