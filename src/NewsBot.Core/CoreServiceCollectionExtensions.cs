using Microsoft.Extensions.Options;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NewsBot.Core.Chunking;
using NewsBot.Core.Embeddings;
using NewsBot.Core.Ingestion;
using NewsBot.Core.Search;
using NewsBot.Core.Settings;

namespace NewsBot.Core;

public static class CoreServiceCollectionExtensions
{
    /// <summary>Ingestion, chunking, embedding and search. A store and an embedding generator come from their providers.</summary>
    public static IServiceCollection AddNewsBotCore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<ChunkingOptions>(configuration, ChunkingOptions.SectionName);
        services.AddValidatedOptions<SearchOptions>(configuration, SearchOptions.SectionName);
        services.AddValidatedOptions<EmbeddingOptions>(configuration, EmbeddingOptions.SectionName);

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<IArticleReader, JsonArticleReader>();
        services.AddSingleton<ArticleSources>();
        services.AddSingleton<PassageChunker>();
        services.AddSingleton<NewsEmbedder>();
        services.AddSingleton<NewsSearch>();
        services.AddSingleton<IngestionPipeline>();
        return services;
    }

    /// <summary>
    /// Binds a section to an options class and checks it at once (values that cannot be bound, data annotations), so a
    /// wrong setting stops the program with one line naming its key; checked again at start for settings added later.
    /// </summary>
    public static OptionsBuilder<T> AddValidatedOptions<T>(this IServiceCollection services, IConfiguration configuration, string section)
        where T : class
    {
        var validator = new SectionValidator<T>(section);
        SettingValues.Check(configuration.GetSection(section), typeof(T));
        var configured = configuration.GetSection(section).Get<T>() ?? (T)Activator.CreateInstance(typeof(T))!;
        if (validator.Failures(configured).FirstOrDefault() is { } failure)
        {
            throw new NewsBotConfigurationException(failure);
        }

        services.AddSingleton(new SettingSection(section, typeof(T)));
        services.AddSingleton<IValidateOptions<T>>(validator);
        return services.AddOptions<T>()
            .Bind(configuration.GetSection(section))
            .ValidateOnStart();
    }
}
