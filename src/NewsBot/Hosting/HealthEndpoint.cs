using Microsoft.Extensions.Options;
using NewsBot.Core.Answering;
using NewsBot.Core.Embeddings;
using NewsBot.Core.Storage;
using NewsBot.Ingestion.Web;

namespace NewsBot.Hosting;

/// <summary>
/// <c>GET /healthz</c>: whether the store answers, which embedding model and which chat model are configured, and how
/// the last reading of the configured feeds went (failing feeds do not make the bot unhealthy: it still answers).
/// </summary>
public static class HealthEndpoint
{
    public static async Task<IResult> GetAsync(
        INewsStore store, NewsEmbedder embedder, IOptions<ChatModelOptions> chat, IOptions<VectorStoreOptions> storeOptions,
        IOptions<FeedOptions> feeds, FeedStatus feedStatus, CancellationToken cancellationToken)
    {
        object storeStatus;
        var healthy = true;
        try
        {
            var stats = await store.GetStatsAsync(cancellationToken);
            storeStatus = new { status = "ok", provider = storeOptions.Value.Provider, articles = stats.Articles, passages = stats.Passages, newest = stats.Newest, location = stats.Location };
        }
        catch (Exception ex) when (ex is StoreUnavailableException or IOException or InvalidOperationException)
        {
            healthy = false;
            storeStatus = new { status = "unavailable", provider = storeOptions.Value.Provider, error = ex.Message };
        }

        var body = new
        {
            status = healthy ? "ok" : "unhealthy",
            store = storeStatus,
            embeddings = new { status = "ok", model = embedder.ModelId },
            chat = chat.Value.IsEnabled
                ? new { status = "configured", provider = chat.Value.Provider, model = chat.Value.Model }
                : new { status = "not configured", provider = "None", model = (string?)"extractive answers" },
            feeds = Feeds(feeds.Value, feedStatus.Last),
        };
        return Results.Json(body, statusCode: healthy ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
    }

    private static object Feeds(FeedOptions options, FeedRefresh? last) => new
    {
        status = options.AllUrls.Count == 0 ? "none configured" : last is null ? "reading" : last.Errors.Count == 0 ? "ok" : "errors",
        urls = options.AllUrls,
        refresh_minutes = options.RefreshMinutes,
        last_read = last?.At,
        next_read = last?.Next,
        @new = last?.New,
        updated = last?.Updated,
        unchanged = last?.Unchanged,
        errors = last?.Errors.Take(20),
    };
}
