using System.Net;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Newtonsoft.Json.Linq;

namespace NewsBot.Tests;

/// <summary>The bot host in process, on its own data directory, seeded with the sample news on start.</summary>
public sealed class BotHost(string dataDirectory, IDictionary<string, string?>? settings = null, Action<Microsoft.Extensions.DependencyInjection.IServiceCollection>? services = null) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        if (services is not null)
        {
            builder.ConfigureTestServices(services);
        }

        // Also as host settings, which the host's start-up code sees already while it registers services.
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureAppConfiguration(config => config.AddInMemoryCollection(new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>())
        {
            ["VectorStore:DataDirectory"] = dataDirectory,
        }));
    }

    /// <summary>Posts an activity to /api/messages; with expectReplies the replies come back in the body.</summary>
    /// <param name="traceParent">A W3C traceparent header, to find this request's trace among the spans.</param>
    public async Task<(HttpStatusCode Status, JObject? Body)> PostAsync(JObject activity, string? traceParent = null)
    {
        using var client = CreateClient();
        using var content = new StringContent(activity.ToString(), Encoding.UTF8, "application/json");
        if (traceParent is not null)
        {
            client.DefaultRequestHeaders.Add("traceparent", traceParent);
        }

        using var response = await client.PostAsync("/api/messages", content);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? null : JObject.Parse(text));
    }

    /// <summary>The bot's replies to one activity sent with expectReplies.</summary>
    public async Task<JObject[]> RepliesAsync(JObject activity)
    {
        activity["deliveryMode"] = "expectReplies";
        var (status, body) = await PostAsync(activity);
        if (status != HttpStatusCode.OK || body is null)
        {
            throw new InvalidOperationException($"/api/messages answered {(int)status}");
        }

        return body["activities"]!.Children<JObject>().ToArray();
    }

    public static JObject Message(string text, string conversation = "conv-1", string channel = "emulator", string serviceUrl = "http://127.0.0.1:9") => new()
    {
        ["type"] = "message",
        ["id"] = Guid.NewGuid().ToString("N"),
        ["channelId"] = channel,
        ["serviceUrl"] = serviceUrl,
        ["from"] = new JObject { ["id"] = "user-1", ["name"] = "Reader" },
        ["recipient"] = new JObject { ["id"] = "newsbot", ["name"] = "NewsBot" },
        ["conversation"] = new JObject { ["id"] = conversation },
        ["text"] = text,
    };
}
