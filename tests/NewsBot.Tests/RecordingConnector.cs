using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Newtonsoft.Json.Linq;

using NewsBot.Testing;

namespace NewsBot.Tests;

/// <summary>
/// A Bot Framework channel's connector on a loopback port: it records every activity the bot sends to a
/// conversation, or answers with a chosen status (403 for an app removed from the chat).
/// </summary>
public sealed class RecordingConnector : IAsyncDisposable
{
    private readonly ConcurrentQueue<JObject> _received = new();
    private LoopbackServer _server = null!;

    /// <summary>The status answered to the bot's posts: 200 records the activity, anything else refuses it.</summary>
    public int Status { get; set; } = 200;

    public string Url => _server.Url;

    public IReadOnlyList<JObject> Received => _received.ToArray();

    /// <summary>Every post the bot made, answered or refused.</summary>
    public int Attempts => _attempts;

    private int _attempts;

    public static async Task<RecordingConnector> StartAsync()
    {
        var connector = new RecordingConnector();
        connector._server = await LoopbackServer.StartAsync(app =>
        {
            app.MapPost("/v3/conversations/{id}/activities/{replyTo?}", async (HttpContext context) =>
            {
                Interlocked.Increment(ref connector._attempts);
                if (connector.Status != 200)
                {
                    return Results.StatusCode(connector.Status);
                }

                using var reader = new StreamReader(context.Request.Body);
                connector._received.Enqueue(JObject.Parse(await reader.ReadToEndAsync()));
                return Results.Json(new { id = Guid.NewGuid().ToString("N") });
            });
        });
        return connector;
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
