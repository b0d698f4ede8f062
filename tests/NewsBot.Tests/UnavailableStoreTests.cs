using System.Net;
using Newtonsoft.Json.Linq;
using Xunit;

namespace NewsBot.Tests;

/// <summary>A bot configured for a Qdrant that is not there starts, says so in /healthz, and apologises to users.</summary>
[Trait("Category", "Slow")] // a separate process or a browser: run apart with --filter Category=Slow
public sealed class UnavailableStoreTests
{
    [Fact]
    public async Task Health_names_the_unreachable_Qdrant_and_the_host_keeps_running()
    {
        await using var bot = await BotProcess.StartAsync(new Dictionary<string, string>
        {
            ["NEWSBOT_VectorStore__Provider"] = "Qdrant",
            ["NEWSBOT_VectorStore__Qdrant__Endpoint"] = "http://127.0.0.1:1",
            ["NEWSBOT_VectorStore__Qdrant__MaxRetries"] = "0",
            ["NEWSBOT_VectorStore__Qdrant__TimeoutSeconds"] = "3",
        }, expectHealthy: false);
        using var http = new HttpClient();

        using var response = await http.GetAsync(bot.Url + "/healthz");
        var health = JObject.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("unavailable", (string?)health["store"]!["status"]);
        Assert.Equal("Qdrant", (string?)health["store"]!["provider"]);
        Assert.Contains("did not answer", (string?)health["store"]!["reason"], StringComparison.Ordinal);
        Assert.Null(health["store"]!["error"]?.Value<string>());
    }
}
