using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NewsBot.Core;
using NewsBot.Core.Ingestion;
using Polly.Telemetry;

namespace NewsBot.Ingestion.Web;

public static class WebIngestionServiceCollectionExtensions
{
    /// <summary>RSS/Atom feed files, and http(s) addresses of pages and feeds, as inputs of the ingestion pipeline.</summary>
    public static IServiceCollection AddNewsBotWebIngestion(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<WebIngestionOptions>(configuration, WebIngestionOptions.SectionName)
            .Validate(o => new HttpRequestMessage().Headers.UserAgent.TryParseAdd(o.UserAgent),
                "Web:UserAgent is not a valid User-Agent header: use product/version and an optional (comment), e.g. NewsBot/1.0 (+https://newsroom.example/bot).");
        services.AddValidatedOptions<FeedOptions>(configuration, FeedOptions.SectionName);
        var options = configuration.GetSection(WebIngestionOptions.SectionName).Get<WebIngestionOptions>() ?? new WebIngestionOptions();
        var timeout = TimeSpan.FromSeconds(options.TimeoutSeconds);
        services.AddHttpClient(WebDownloader.ClientName, client =>
            {
                client.Timeout = Timeout.InfiniteTimeSpan;
                client.DefaultRequestHeaders.UserAgent.ParseAdd(options.UserAgent);
            })
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                // The guard must see the real target: no proxy from the environment (http_proxy) stands in between.
                UseProxy = false,
                ConnectCallback = NetworkGuard.ConnectAsync,
                AutomaticDecompression = System.Net.DecompressionMethods.All,
                MaxAutomaticRedirections = 5,
            })
            .AddStandardResilienceHandler(resilience =>
            {
                resilience.AttemptTimeout.Timeout = timeout;
                resilience.TotalRequestTimeout.Timeout = timeout * 2;
                resilience.CircuitBreaker.SamplingDuration = timeout * 2;
                resilience.Retry.MaxRetryAttempts = 1;
                resilience.Retry.Delay = TimeSpan.FromMilliseconds(500);
            });
        // Each attempt, retry and failure of a download is a detail (debug): a failed download is reported once, as a
        // line naming the address and the reason, by whoever asked for it.
        services.Configure<TelemetryOptions>(telemetry => telemetry.SeverityProvider = _ => ResilienceEventSeverity.Debug);
        services.TryAddSingleton<IFeedCache, MemoryFeedCache>();
        services.AddSingleton<WebDownloader>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<RobotsPolicy>();
        services.AddSingleton<FeedItemReader>();
        services.AddSingleton<IArticleReader, FeedArticleReader>();
        services.AddSingleton<IArticleReader, WebArticleReader>();
        return services;
    }
}
