using System.ClientModel;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using NewsBot.Core;
using NewsBot.Core.Embeddings;
using OpenAI;

namespace NewsBot.OpenAI;

public static class OpenAIEmbeddingsServiceCollectionExtensions
{
    /// <summary>
    /// Embeddings from OpenAI, Azure OpenAI (its OpenAI-compatible v1 endpoint) or any OpenAI-compatible server
    /// such as Ollama, LM Studio or vLLM.
    /// </summary>
    public static IServiceCollection AddNewsBotOpenAIEmbeddings(this IServiceCollection services, EmbeddingOptions options)
    {
        var model = Require(options.Model, "Embeddings:Model", "the embedding model or deployment name, e.g. text-embedding-3-small");
        var client = CreateClient(options.Provider, options.Endpoint, options.ApiKey, "Embeddings");
        services.AddSingleton<IEmbeddingGenerator<string, Embedding<float>>>(_ => client.GetEmbeddingClient(model).AsIEmbeddingGenerator());
        services.AddSingleton(new EmbeddingProfile(model, null, options.QueryPrefix ?? ""));
        return services;
    }

    /// <summary>One client for the three OpenAI-style providers; the section names the configuration keys in errors.</summary>
    public static OpenAIClient CreateClient(string provider, string? endpoint, string? apiKey, string section)
    {
        var clientOptions = new OpenAIClientOptions();
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
