using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using NewsBot.Core.Answering;
using NewsBot.Core.Embeddings;
using NewsBot.Core.Storage;
using NewsBot.Ingestion.Web;

namespace NewsBot.Hosting;

/// <summary>
/// <c>GET /healthz</c>: whether the store answers a real read (<see cref="StoreProbe"/>), whether every other file the
/// bot needs answers a real read and, where the bot writes it, a write (<see cref="IHealthProbe"/>: the story index,
/// the bot's state); 503 naming the failing part when one does not. Also which embedding model and
/// which chat model are configured, and how the last reading of the configured feeds went (failing feeds do not make
/// the bot unhealthy: it still answers). Anyone sees the summary; the details (the store's location, feed addresses,
/// error text) need the <c>X-Health-Key</c> header to match <c>Bot:HealthKey</c>.
/// </summary>
public static partial class HealthEndpoint
{
    public const string KeyHeader = "X-Health-Key";

    public static async Task<IResult> GetAsync(
        HttpContext context, StoreProbe probe, NewsEmbedder embedder, IOptions<ChatModelOptions> chat, IOptions<VectorStoreOptions> storeOptions,
        IOptions<FeedOptions> feeds, IOptions<BotOptions> bot, FeedStatus feedStatus, IEnumerable<IHealthProbe> parts, CancellationToken cancellationToken)
    {
        var details = HasKey(context, bot.Value.HealthKey);
        var result = await probe.CheckAsync(cancellationToken);
        var provider = storeOptions.Value.Provider;
        object store = result.Stats is { } stats
            ? new
            {
                status = stats.Articles == 0 ? "empty" : "ok",
                provider,
                articles = stats.Articles,
                passages = stats.Passages,
                newest = stats.Newest,
                reason = stats.Articles == 0 ? "The store holds no articles: ingest news with the CLI or configure feeds." : null,
                location = details ? stats.Location : null,
            }
            : new { status = "unavailable", provider, articles = 0, passages = 0, newest = (DateTimeOffset?)null, reason = result.Reason, location = (string?)null, error = details ? result.Error : null };

        var checkedParts = new Dictionary<string, object>(StringComparer.Ordinal);
        var partsHealthy = true;
        foreach (var part in parts)
        {
            var failure = await probe.CheckPartAsync(part, cancellationToken);
            partsHealthy &= failure is null;
            checkedParts[part.Part] = failure is null
                ? new { status = "ok" }
                : new { status = "unavailable", reason = $"The bot's {part.Part} file cannot be read or written (damaged, or the disk is full).", error = details ? failure : null };
        }

        var healthy = result.Stats is not null && partsHealthy;
        var body = new
        {
            status = healthy ? "ok" : "unhealthy",
            store,
            parts = checkedParts,
            embeddings = new { status = "ok", model = embedder.ModelId },
            chat = chat.Value.IsEnabled
                ? new { status = "configured", provider = chat.Value.Provider, model = chat.Value.Model }
                : new { status = "not configured", provider = "None", model = (string?)"extractive answers" },
            feeds = Feeds(feeds.Value, feedStatus.Last, details),
        };
        return Results.Json(body, statusCode: healthy ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
    }

    private static object Feeds(FeedOptions options, FeedRefresh? last, bool details) => new
    {
        status = options.AllUrls.Count == 0 ? "none configured" : last is null ? "reading" : last.Errors.Count == 0 ? "ok" : "errors",
        configured = options.AllUrls.Count,
        urls = details ? options.AllUrls.Select(u => Redact(u)) : null,
        refresh_minutes = options.RefreshMinutes,
        last_read = last?.At,
        next_read = last?.Next,
        @new = last?.New,
        updated = last?.Updated,
        unchanged = last?.Unchanged,
        failed = last?.Errors.Count,
        errors = details ? last?.Errors.Take(20).Select(Redact) : null,
    };

    private static bool HasKey(HttpContext context, string? key) =>
        !string.IsNullOrEmpty(key) && context.Request.Headers[KeyHeader].ToString() is { Length: > 0 } given
        && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(key));

    /// <summary>Addresses without the user name and password some feeds carry (https://user:secret@host/...).</summary>
    private static string Redact(string text) => NewsBot.Core.Text.Credentials.Hidden(text);
}
