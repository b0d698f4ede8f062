using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using NewsBot.Testing;
using Newtonsoft.Json.Linq;
using Xunit;

namespace NewsBot.Tests;

/// <summary>Normal delivery back to a channel's connector endpoint, authentication, and state that survives a restart.</summary>
[Trait("Category", "Slow")] // a separate process or a browser: run apart with --filter Category=Slow
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
        using var client = bot.CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", ForgedToken("6f1b1d4e-0c55-4a3e-9f7e-4b2d7c1e9a10"));
        using var forged = await client.PostAsync("/api/messages", new StringContent(BotHost.Message("Who won the coastal football league?").ToString(), System.Text.Encoding.UTF8, "application/json"));
        using var directLine = await bot.CreateClient().PostAsync("/api/directline/token", null);
        using var localConversation = await bot.CreateClient().PostAsync("/v3/directline/conversations", null);

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        // Refused: 401 where the Bot Framework's signing keys can be fetched, 503 on a machine that cannot reach them.
        Assert.Contains(forged.StatusCode, new[] { HttpStatusCode.Unauthorized, HttpStatusCode.ServiceUnavailable });
        Assert.Equal(HttpStatusCode.ServiceUnavailable, directLine.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, localConversation.StatusCode);
    }

    [Fact]
    public async Task Without_credentials_the_bot_refuses_to_listen_beyond_this_machine()
    {
        using var process = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("dotnet")
        {
            ArgumentList = { RepositoryPaths.Built("src/NewsBot", "NewsBot.dll"), "--urls", $"http://0.0.0.0:{BotProcess.FreePort()}" },
            Environment = { ["NEWSBOT_VectorStore__DataDirectory"] = _data.Path, ["NEWSBOT_Bot__SeedSampleNews"] = "false" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await process.WaitForExitAsync(timeout.Token);

        Assert.Equal(2, process.ExitCode);
        Assert.Contains("Bot:AllowAnonymousRemote", await output + await errors, StringComparison.Ordinal);
    }

    /// <summary>A token that looks like a channel's but is signed by nobody the Bot Framework trusts.</summary>
    private static string ForgedToken(string audience)
    {
        static string Encode(string json) => Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(json)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var expires = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds();
        return Encode("""{"alg":"RS256","kid":"forged-key","typ":"JWT"}""") + "."
            + Encode($$"""{"iss":"https://api.botframework.com","aud":"{{audience}}","exp":{{expires}},"nbf":{{expires - 7200}},"serviceurl":"http://127.0.0.1:9/"}""") + "."
            + Encode("not-a-signature");
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
