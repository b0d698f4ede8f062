using System.ClientModel;
using System.ClientModel.Primitives;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.SemanticKernel.ChatCompletion;
using Microsoft.SemanticKernel.Connectors.OpenAI;
using NewsBot.Core;
using NewsBot.Core.Answering;
using NewsBot.Core.Embeddings;
using OpenAI;

namespace NewsBot.OpenAI;

public static class OpenAIServiceCollectionExtensions
{
    private const string ChatHttpClient = "NewsBot.Chat";
    private const string EmbeddingsHttpClient = "NewsBot.Embeddings";

    /// <summary>
    /// Embeddings from OpenAI, Azure OpenAI (its OpenAI-compatible v1 endpoint) or any OpenAI-compatible server
    /// such as Ollama, LM Studio or vLLM.
    /// </summary>
    public static IServiceCollection AddNewsBotOpenAIEmbeddings(this IServiceCollection services, EmbeddingOptions options)
    {
        var model = Require(options.Model, "Embeddings:Model", "the embedding model or deployment name, e.g. text-embedding-3-small");
        _ = CreateClient(options.Provider, options.Endpoint, options.ApiKey, "Embeddings"); // Fails at start on bad settings.
        AddResilientHttpClient(services, EmbeddingsHttpClient, TimeSpan.FromSeconds(60), maxRetries: 3);
        services.AddSingleton<IEmbeddingGenerator<string, Embedding<float>>>(sp =>
        {
            var http = sp.GetRequiredService<IHttpClientFactory>().CreateClient(EmbeddingsHttpClient);
            return CreateClient(options.Provider, options.Endpoint, options.ApiKey, "Embeddings", http).GetEmbeddingClient(model).AsIEmbeddingGenerator();
        });
        services.AddSingleton(new EmbeddingProfile(model, null, options.QueryPrefix ?? ""));
        return services;
    }

    /// <summary>
    /// A chat model for Semantic Kernel from OpenAI, Azure OpenAI or an OpenAI-compatible server, over an HTTP client
    /// with timeouts, retries with backoff and a circuit breaker (Microsoft.Extensions.Http.Resilience).
    /// </summary>
    public static IServiceCollection AddNewsBotOpenAIChat(this IServiceCollection services, ChatModelOptions options)
    {
        var model = Require(options.Model, "Chat:Model", "the chat model or deployment name, e.g. gpt-4o-mini or llama3.1");
        var timeout = TimeSpan.FromSeconds(options.TimeoutSeconds);
        _ = CreateClient(options.Provider, options.Endpoint, options.ApiKey, "Chat"); // Fails at start on bad settings.
        AddResilientHttpClient(services, ChatHttpClient, timeout, options.MaxRetries);
        services.AddSingleton<IChatCompletionService>(sp =>
        {
            var http = sp.GetRequiredService<IHttpClientFactory>().CreateClient(ChatHttpClient);
            var client = CreateClient(options.Provider, options.Endpoint, options.ApiKey, "Chat", http, timeout);
            return new OpenAIChatCompletionService(model, client, sp.GetService<ILoggerFactory>());
        });
        return services;
    }

    /// <summary>An HTTP client with a timeout per attempt, retries with exponential backoff, and a circuit breaker.</summary>
    private static void AddResilientHttpClient(IServiceCollection services, string name, TimeSpan timeout, int maxRetries) =>
        services.AddHttpClient(name, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .AddStandardResilienceHandler(resilience =>
            {
                resilience.AttemptTimeout.Timeout = timeout;
                resilience.TotalRequestTimeout.Timeout = timeout * (maxRetries + 1) + TimeSpan.FromSeconds(5);
                resilience.CircuitBreaker.SamplingDuration = timeout * 2;
                resilience.Retry.MaxRetryAttempts = maxRetries;
                resilience.Retry.Delay = TimeSpan.FromMilliseconds(500);
            });

    /// <summary>One client for the three OpenAI-style providers; the section names the configuration keys in errors.</summary>
    public static OpenAIClient CreateClient(string provider, string? endpoint, string? apiKey, string section, HttpClient? httpClient = null, TimeSpan? timeout = null)
    {
        var clientOptions = new OpenAIClientOptions();
        if (httpClient is not null)
        {
            // Retries and timeouts come from the HTTP client's resilience pipeline, not from a second policy here.
            clientOptions.Transport = new HttpClientPipelineTransport(httpClient);
            clientOptions.RetryPolicy = new ClientRetryPolicy(maxRetries: 0);
        }

        if (timeout is not null)
        {
            clientOptions.NetworkTimeout = timeout;
        }

        switch (provider.ToLowerInvariant())
        {
            case "openai":
                Require(apiKey, $"{section}:ApiKey", "an OpenAI API key");
                if (!string.IsNullOrWhiteSpace(endpoint))
                {
                    clientOptions.Endpoint = ParseEndpoint(endpoint, section);
                }

                break;
            case "azureopenai":
                Require(apiKey, $"{section}:ApiKey", "the Azure OpenAI resource key");
                var azure = ParseEndpoint(Require(endpoint, $"{section}:Endpoint", "the resource URL, e.g. https://NAME.openai.azure.com"), section);
                clientOptions.Endpoint = new Uri(azure, azure.AbsolutePath.Contains("/openai/v1", StringComparison.Ordinal) ? azure.AbsolutePath : "/openai/v1/");
                break;
            case "openaicompatible":
                clientOptions.Endpoint = ParseEndpoint(Require(endpoint, $"{section}:Endpoint", "the server's OpenAI-compatible URL, e.g. http://localhost:11434/v1"), section);
                break;
            default:
                throw new NewsBotConfigurationException($"{section}:Provider '{provider}' is not an OpenAI-style provider.");
        }

        // Local servers ignore the key but the client requires one.
        return new OpenAIClient(new ApiKeyCredential(string.IsNullOrWhiteSpace(apiKey) ? "unused" : apiKey), clientOptions);
    }

    private static Uri ParseEndpoint(string endpoint, string section) =>
        Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri
            : throw new NewsBotConfigurationException($"{section}:Endpoint '{endpoint}' is not an http(s) URL.");

    private static string Require(string? value, string key, string what) =>
        string.IsNullOrWhiteSpace(value) ? throw new NewsBotConfigurationException($"{key} is required: set it to {what}.") : value;
}
