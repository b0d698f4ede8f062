using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NewsBot.Core;
using NewsBot.Core.Embeddings;

namespace NewsBot.Testing;

/// <summary>The core services over the hashing embedder; the caller adds a store.</summary>
public static class TestServices
{
    public static IServiceCollection CoreWithHashEmbeddings(HashEmbeddingGenerator embedder, IDictionary<string, string?>? settings = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings ?? new Dictionary<string, string?>()).Build();
        return new ServiceCollection()
            .AddNewsBotCore(configuration)
            .AddSingleton<IEmbeddingGenerator<string, Embedding<float>>>(embedder)
            .AddSingleton(new EmbeddingProfile(embedder.ModelId, embedder.Dimensions, ""));
    }
}
