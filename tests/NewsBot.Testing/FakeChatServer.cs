using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace NewsBot.Testing;

/// <summary>
/// A local OpenAI-compatible chat endpoint that answers from a script, so the real Semantic Kernel connector,
/// HTTP stack and resilience pipeline run against it: plain and streamed replies, server errors, slow replies.
/// </summary>
public sealed class FakeChatServer : IAsyncDisposable
{
    private readonly ConcurrentQueue<Func<HttpContext, JsonNode, Task>> _script = new();
    private LoopbackServer? _server;

    public ConcurrentQueue<JsonNode> Requests { get; } = new();

    public int EmbeddingRequests { get; private set; }

    public string Endpoint { get; private set; } = "";

    /// <summary>What to do when the script has run out.</summary>
    public Func<HttpContext, JsonNode, Task> Otherwise { get; set; } = (context, _) => Reply(context, "NO_ANSWER");

    public static async Task<FakeChatServer> StartAsync()
    {
        var server = new FakeChatServer();
        server._server = await LoopbackServer.StartAsync(app => server.Map(app));
        server.Endpoint = server._server.Url + "/v1";
        return server;
    }

    private void Map(WebApplication app)
    {
        var server = this;
        app.MapPost("/v1/chat/completions", async context =>
        {
            var request = (await JsonNode.ParseAsync(context.Request.Body))!;
            server.Requests.Enqueue(request);
            context.Items["stream"] = request["stream"]?.GetValue<bool>() == true;
            var step = server._script.TryDequeue(out var next) ? next : server.Otherwise;
            await step(context, request);
        });
        app.MapPost("/v1/embeddings", async context =>
        {
            var request = (await JsonNode.ParseAsync(context.Request.Body))!;
            server.EmbeddingRequests++;
            var inputs = request["input"] is JsonArray array ? array.Select(i => (string)i!).ToArray() : [(string)request["input"]!];
            var embedder = new HashEmbeddingGenerator(16);
            await context.Response.WriteAsJsonAsync(new
            {
                @object = "list",
                model = (string?)request["model"],
                data = inputs.Select((text, i) => new { @object = "embedding", index = i, embedding = embedder.Embed(text) }),
                usage = new { prompt_tokens = 1, total_tokens = 1 },
            });
        });
    }

    public void Then(Func<HttpContext, JsonNode, Task> step) => _script.Enqueue(step);

    /// <summary>Answers with this text; in small pieces as server-sent events when the client asked for a stream.</summary>
    public static async Task Reply(HttpContext context, string text) => await Reply(context, text, TimeSpan.Zero);

    /// <summary>Answers with this text, streamed with a pause between pieces, as a model that writes slowly does.</summary>
    public static async Task Reply(HttpContext context, string text, TimeSpan pause)
    {
        context.Response.StatusCode = 200;
        if (context.Items["stream"] is not true)
        {
            await Completion(context, new { role = "assistant", content = text }, "stop");
            return;
        }

        context.Response.ContentType = "text/event-stream";
        foreach (var piece in Pieces(text))
        {
            await context.Response.WriteAsync("data: " + Chunk(new { role = "assistant", content = piece }, null) + "\n\n");
            await context.Response.Body.FlushAsync();
            await Task.Delay(pause);
        }

        await context.Response.WriteAsync("data: " + Chunk(new { }, "stop") + "\n\n");
        await context.Response.WriteAsync("data: [DONE]\n\n");
    }

    /// <summary>Answers with a call of one of the tools the request offered (OpenAI function calling), plain or streamed.</summary>
    public static async Task CallTool(HttpContext context, string function, string argumentsJson)
    {
        context.Response.StatusCode = 200;
        var call = new { index = 0, id = "call_" + function.Replace('-', '_'), type = "function", function = new { name = function, arguments = argumentsJson } };
        if (context.Items["stream"] is not true)
        {
            await Completion(context, new { role = "assistant", content = (string?)null, tool_calls = new[] { call } }, "tool_calls");
            return;
        }

        context.Response.ContentType = "text/event-stream";
        await context.Response.WriteAsync("data: " + Chunk(new { role = "assistant", tool_calls = new[] { call } }, null) + "\n\n");
        await context.Response.WriteAsync("data: " + Chunk(new { }, "tool_calls") + "\n\n");
        await context.Response.WriteAsync("data: [DONE]\n\n");
    }

    /// <summary>The text of the last tool result a request carries back to the model, or null.</summary>
    public static string? LastToolResult(JsonNode request) =>
        request["messages"]!.AsArray().LastOrDefault(m => (string?)m!["role"] == "tool")?["content"] switch
        {
            JsonValue text => (string?)text,
            JsonArray parts => string.Concat(parts.Select(p => (string?)p!["text"])),
            _ => null,
        };

    public static Task Fail(HttpContext context, JsonNode request)
    {
        context.Response.StatusCode = 500;
        return context.Response.WriteAsync("""{"error":{"message":"the model is overloaded","type":"server_error"}}""");
    }

    /// <summary>A whole (not streamed) chat completion with this message.</summary>
    private static Task Completion(HttpContext context, object message, string finish)
    {
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(JsonSerializer.Serialize(new
        {
            id = "chatcmpl-test",
            @object = "chat.completion",
            created = 1_700_000_000,
            model = "test-model",
            choices = new[] { new { index = 0, message, finish_reason = finish } },
            usage = new { prompt_tokens = 10, completion_tokens = 10, total_tokens = 20 },
        }));
    }

    private static string Chunk(object delta, string? finish) => JsonSerializer.Serialize(new
    {
        id = "chatcmpl-test",
        @object = "chat.completion.chunk",
        created = 1_700_000_000,
        model = "test-model",
        choices = new[] { new { index = 0, delta, finish_reason = finish } },
    });

    private static IEnumerable<string> Pieces(string text)
    {
        for (var i = 0; i < text.Length; i += 12)
        {
            yield return text.Substring(i, Math.Min(12, text.Length - i));
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
