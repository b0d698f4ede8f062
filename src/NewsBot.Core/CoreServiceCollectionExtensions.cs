using Microsoft.Extensions.Options;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NewsBot.Core.Chunking;
using NewsBot.Core.Embeddings;
using NewsBot.Core.Ingestion;
using NewsBot.Core.Search;

namespace NewsBot.Core;

public static class CoreServiceCollectionExtensions
{
    /// <summary>Ingestion, chunking, embedding and search. A store and an embedding generator come from their providers.</summary>
    public static IServiceCollection AddNewsBotCore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<ChunkingOptions>(configuration, ChunkingOptions.SectionName);
        services.AddValidatedOptions<SearchOptions>(configuration, SearchOptions.SectionName);
        services.AddValidatedOptions<EmbeddingOptions>(configuration, EmbeddingOptions.SectionName);

        services.AddSingleton<IArticleReader, JsonArticleReader>();
        services.AddSingleton<IArticleReader, TextArticleReader>();
        services.AddSingleton<IArticleReader, HtmlArticleReader>();
        services.AddSingleton<ArticleSources>();
        services.AddSingleton<PassageChunker>();
        services.AddSingleton<NewsEmbedder>();
        services.AddSingleton<NewsSearch>();
        services.AddSingleton<IngestionPipeline>();
        return services;
    }

    /// <summary>Binds a section to an options class, checks its data annotations, and does so at start.</summary>
    public static OptionsBuilder<T> AddValidatedOptions<T>(this IServiceCollection services, IConfiguration configuration, string section)
        where T : class =>
        services.AddOptions<T>()
            .Bind(configuration.GetSection(section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
}
