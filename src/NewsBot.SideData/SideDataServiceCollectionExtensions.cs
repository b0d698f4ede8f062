using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NewsBot.Core;
using NewsBot.Core.Ingestion;
using NewsBot.Core.Storage;
using NewsBot.Core.Stories;

namespace NewsBot.SideData;

public static class SideDataServiceCollectionExtensions
{
    /// <summary>
    /// Copies, stories, arrivals, earlier versions and cached feeds: SQLite files beside the store, in the data
    /// directory, whichever store holds the passages.
    /// </summary>
    public static IServiceCollection AddNewsBotSideData(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<SqliteStoryIndex>();
        services.AddValidatedOptions<StoryOptions>(configuration, StoryOptions.SectionName);
        services.AddSingleton<IHealthProbe>(sp => sp.GetRequiredService<SqliteStoryIndex>());
        services.AddSingleton<IStoryIndex>(sp => ActivatorUtilities.CreateInstance<DegradingStoryIndex>(sp, sp.GetRequiredService<SqliteStoryIndex>()));
        services.AddSingleton<ICopyIndex>(sp => sp.GetRequiredService<IStoryIndex>());
        services.AddSingleton<IStoryLookup>(sp => sp.GetRequiredService<IStoryIndex>());
        services.AddSingleton<IArrivalLog>(sp => sp.GetRequiredService<IStoryIndex>());
        services.AddSingleton<IVersionHistory>(sp => sp.GetRequiredService<IStoryIndex>());
        services.AddSingleton<IFeedCache, SqliteFeedCache>();
        return services;
    }
}
