using Microsoft.Extensions.DependencyInjection;
using NewsBot.Core;
using NewsBot.Core.Storage;
using Microsoft.Extensions.Configuration;

namespace NewsBot.Store.Qdrant;

public static class QdrantStoreServiceCollectionExtensions
{
    /// <summary>The Qdrant store, from <c>VectorStore:Qdrant</c>; a bad endpoint fails at start with the key's name.</summary>
    public static IServiceCollection AddNewsBotQdrantStore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<QdrantStoreOptions>(configuration, QdrantStoreOptions.SectionName)
            .Validate(o => Uri.TryCreate(o.Endpoint, UriKind.Absolute, out var u) && (u.Scheme == "http" || u.Scheme == "https"),
                "VectorStore:Qdrant:Endpoint must be an http(s) URL such as http://localhost:6334.");
        services.AddSingleton<QdrantNewsStore>();
        services.AddSingleton<INewsStore>(sp => sp.GetRequiredService<QdrantNewsStore>());
        return services;
    }
}
