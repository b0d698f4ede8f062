using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using NewsBot.Testing;
using Newtonsoft.Json.Linq;
using Xunit;

namespace NewsBot.Tests;

/// <summary>Normal delivery back to a channel's connector endpoint, authentication, and state that survives a restart.</summary>
public sealed class DeliveryAndAuthTests : IDisposable
{
    private readonly TempDirectory _data = new();

    [Fact]
    public async Task Replies_are_posted_back_to_the_channels_connector_endpoint()
    {
        await using var connector = await RecordingConnector.StartAsync();
        await using var bot = new BotHost(_data.Path);

        var (status, _) = await bot.PostAsync(BotHost.Message("Who won the coastal football league?", serviceUrl: connector.Url));

        Assert.Equal(HttpStatusCode.OK, status);
        var posted = connector.Activities.ToArray();
        Assert.Contains(posted, a => (string?)a["type"] == "typing");
        var answer = posted.Last(a => (string?)a["type"] == "message");
        Assert.Contains("Mariners", (string?)answer["text"], StringComparison.Ordinal);
        Assert.All(connector.Paths, p => Assert.StartsWith("/v3/conversations/conv-1/activities", p, StringComparison.Ordinal));
    }

    [Fact]
    public async Task With_app_credentials_configured_an_unauthenticated_request_is_rejected()
    {
        await using var bot = new BotHost(_data.Path, new Dictionary<string, string?>
        {
            ["MicrosoftAppType"] = "MultiTenant",
            ["MicrosoftAppId"] = "6f1b1d4e-0c55-4a3e-9f7e-4b2d7c1e9a10",
            ["MicrosoftAppPassword"] = "not-a-real-secret",
        });

        var (status, _) = await bot.PostAsync(BotHost.Message("Who won the coastal football league?"));

        Assert.Equal(HttpStatusCode.Unauthorized, status);
    }

    [Fact]
    public async Task The_conversation_survives_a_restart()
    {
        await using (var first = new BotHost(_data.Path))
        {
            await first.RepliesAsync(BotHost.Message("Where will NATO open its liaison office?", conversation: "kept"));
        }

        await using var second = new BotHost(_data.Path);
        var followUp = (await second.RepliesAsync(BotHost.Message("And what did China say?", conversation: "kept")))[^1];

        Assert.Contains("vigilant", (string?)followUp["text"], StringComparison.Ordinal);
    }

    public void Dispose() => _data.Dispose();

    /// <summary>A stand-in for a channel's connector service: records every activity the bot sends.</summary>
    private sealed class RecordingConnector : IAsyncDisposable
    {
        private LoopbackServer? _server;

        public ConcurrentQueue<JObject> Activities { get; } = new();

        public ConcurrentQueue<string> Paths { get; } = new();

        public string Url => _server!.Url;

        public static async Task<RecordingConnector> StartAsync()
        {
            var connector = new RecordingConnector();
            connector._server = await LoopbackServer.StartAsync(app => app.MapPost("/v3/conversations/{**rest}", async (HttpContext context) =>
            {
                using var reader = new StreamReader(context.Request.Body);
                connector.Activities.Enqueue(JObject.Parse(await reader.ReadToEndAsync()));
                connector.Paths.Enqueue(context.Request.Path.Value!);
                return Results.Json(new { id = Guid.NewGuid().ToString("N") });
            }));
            return connector;
        }

        public ValueTask DisposeAsync() => _server?.DisposeAsync() ?? ValueTask.CompletedTask;
    }
}
