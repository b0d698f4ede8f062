using Microsoft.Extensions.DependencyInjection;
using NewsBot.Core.Storage;

namespace NewsBot.Store.Embedded;

public static class EmbeddedStoreServiceCollectionExtensions
{
    /// <summary>The default store: SQLite files in <see cref="VectorStoreOptions.DataDirectory"/>, no server.</summary>
    public static IServiceCollection AddNewsBotEmbeddedStore(this IServiceCollection services)
    {
        services.AddSingleton<EmbeddedNewsStore>();
        services.AddSingleton<INewsStore>(sp => sp.GetRequiredService<EmbeddedNewsStore>());
        return services;
    }
}
