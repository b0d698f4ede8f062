using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NewsBot.Core.Storage;
using NewsBot.Store.Embedded;
using NewsBot.Testing;

namespace NewsBot.Ingestion.Web.Tests;

/// <summary>Ingestion with the web readers over an embedded store in <c>dataDirectory</c>, under the given settings.</summary>
internal static class WebTestServices
{
    public static ServiceProvider Build(string dataDirectory, Dictionary<string, string?> settings) =>
        TestServices.CoreWithHashEmbeddings(new HashEmbeddingGenerator(), settings)
            .AddNewsBotWebIngestion(new ConfigurationBuilder().AddInMemoryCollection(settings).Build())
            .AddSingleton<INewsStore>(new EmbeddedNewsStore(dataDirectory))
            .BuildServiceProvider();
}
