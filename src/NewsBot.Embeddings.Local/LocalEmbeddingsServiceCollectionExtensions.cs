using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using NewsBot.Core.Embeddings;

namespace NewsBot.Embeddings.Local;

public static class LocalEmbeddingsServiceCollectionExtensions
{
    /// <summary>The embedding model that ships with NewsBot: no key, no server, no download.</summary>
    public static IServiceCollection AddNewsBotLocalEmbeddings(this IServiceCollection services, EmbeddingOptions options)
    {
        services.AddSingleton<IEmbeddingGenerator<string, Embedding<float>>>(_ => new ArcticEmbeddingGenerator(options.Threads));
        services.AddSingleton(new EmbeddingProfile(
            ArcticEmbeddingGenerator.ModelId,
            ArcticEmbeddingGenerator.Dimensions,
            string.IsNullOrEmpty(options.QueryPrefix) ? ArcticEmbeddingGenerator.QueryPrefix : options.QueryPrefix));
        return services;
    }
}
