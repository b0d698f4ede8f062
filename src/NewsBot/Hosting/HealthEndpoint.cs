using Microsoft.Extensions.Options;
using NewsBot.Core.Answering;
using NewsBot.Core.Embeddings;
using NewsBot.Core.Storage;

namespace NewsBot.Hosting;

/// <summary><c>GET /healthz</c>: whether the store answers, which embedding model and which chat model are configured.</summary>
public static class HealthEndpoint
{
    public static async Task<IResult> GetAsync(INewsStore store, NewsEmbedder embedder, IOptions<ChatModelOptions> chat, IOptions<VectorStoreOptions> storeOptions, CancellationToken cancellationToken)
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
        };
        return Results.Json(body, statusCode: healthy ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
    }
}
