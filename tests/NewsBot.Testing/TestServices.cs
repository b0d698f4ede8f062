using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NewsBot.Core;
using NewsBot.Core.Embeddings;
using NewsBot.Ingestion.Files;

namespace NewsBot.Testing;

/// <summary>The core services and the file readers over the hashing embedder; the caller adds a store.</summary>
public static class TestServices
{
    public static IServiceCollection CoreWithHashEmbeddings(HashEmbeddingGenerator embedder, IDictionary<string, string?>? settings = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings ?? new Dictionary<string, string?>()).Build();
        return new ServiceCollection()
            .AddNewsBotCore(configuration)
            .AddNewsBotFileReaders()
            .AddSingleton<IEmbeddingGenerator<string, Embedding<float>>>(embedder)
            .AddSingleton(new EmbeddingProfile(embedder.ModelId, embedder.Dimensions, ""));
    }
}
