using Microsoft.Extensions.DependencyInjection;
using NewsBot.Core.Ingestion;

namespace NewsBot.Ingestion.Files;

public static class FileReadersServiceCollectionExtensions
{
    /// <summary>Readers whose formats need a third-party parser: Markdown and text with YAML front matter, saved HTML pages.</summary>
    public static IServiceCollection AddNewsBotFileReaders(this IServiceCollection services)
    {
        services.AddSingleton<IArticleReader, TextArticleReader>();
        services.AddSingleton<IArticleReader, HtmlArticleReader>();
        return services;
    }
}
