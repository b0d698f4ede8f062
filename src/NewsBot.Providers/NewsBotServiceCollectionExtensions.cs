using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NewsBot.Answering;
using NewsBot.Core;
using NewsBot.Core.Answering;
using NewsBot.Core.Embeddings;
using NewsBot.Core.Ingestion;
using NewsBot.Core.Settings;
using NewsBot.Core.Storage;
using NewsBot.Core.Stories;
using NewsBot.Embeddings.Local;
using NewsBot.Ingestion.Files;
using NewsBot.Ingestion.Web;
using NewsBot.OpenAI;
using NewsBot.Ranking;
using NewsBot.SideData;
using NewsBot.Store.Embedded;
using NewsBot.Store.Qdrant;

namespace NewsBot.Providers;

/// <summary>The one place where configuration picks the providers: which store, which embedding model, which chat model.</summary>
public static class NewsBotServiceCollectionExtensions
{
    public static IServiceCollection AddNewsBot(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddNewsBotCore(configuration);
        services.AddNewsBotRanking(configuration);
        services.AddNewsBotFileReaders();
        services.AddNewsBotWebIngestion(configuration);
        services.AddValidatedOptions<VectorStoreOptions>(configuration, VectorStoreOptions.SectionName);

        var embeddings = configuration.GetChecked<EmbeddingOptions>(EmbeddingOptions.SectionName);
        switch (embeddings.Provider.ToLowerInvariant())
        {
            case "local":
                services.AddNewsBotLocalEmbeddings(embeddings);
                break;
            case "openai" or "azureopenai" or "openaicompatible":
                services.AddNewsBotOpenAIEmbeddings(embeddings);
                break;
            default:
                throw new NewsBotConfigurationException(
                    $"Embeddings:Provider '{embeddings.Provider}' is not known: use Local, OpenAI, AzureOpenAI or OpenAICompatible.");
        }

        var store = configuration.GetChecked<VectorStoreOptions>(VectorStoreOptions.SectionName);
        switch (store.Provider.ToLowerInvariant())
        {
            case "embedded":
                services.AddNewsBotEmbeddedStore();
                services.AddSingleton(new SettingSection(QdrantStoreOptions.SectionName, typeof(QdrantStoreOptions))); // known, unused
                break;
            case "qdrant":
                services.AddNewsBotQdrantStore(configuration);
                break;
            default:
                throw new NewsBotConfigurationException($"VectorStore:Provider '{store.Provider}' is not known: use Embedded or Qdrant.");
        }

        services.AddNewsBotSideData(configuration);

        var chat = configuration.GetChecked<ChatModelOptions>(ChatModelOptions.SectionName);
        switch (chat.Provider.ToLowerInvariant())
        {
            case "none":
                break;
            case "openai" or "azureopenai" or "openaicompatible":
                services.AddNewsBotOpenAIChat(chat);
                break;
            default:
                throw new NewsBotConfigurationException(
                    $"Chat:Provider '{chat.Provider}' is not known: use None (extractive answers), OpenAI, AzureOpenAI or OpenAICompatible.");
        }

        services.AddNewsBotAnswering(configuration, withChatModel: chat.IsEnabled);
        return services;
    }
}
