using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using NewsBot.Bench;
using NewsBot.Testing;
using Newtonsoft.Json.Linq;
using Xunit;

namespace NewsBot.Tests;

/// <summary>The fuzz cases of <c>newsbot-bench fuzz</c>, a few hundred of each kind, in process: none gets a 5xx.</summary>
public sealed class FuzzTests : IDisposable
{
    private readonly TempDirectory _data = new();

    [Fact]
    public async Task Malformed_requests_to_the_bot_and_its_Direct_Line_never_get_a_server_error()
    {
        await using var sink = await LoopbackServer.StartAsync(app => app.MapPost("/{**rest}", () => Results.Json(new { id = "sink" })));
        await using var bot = new BotHost(_data.Path, new Dictionary<string, string?> { ["RateLimits:Enabled"] = "false" });
        using var client = bot.CreateClient();
        using var tokenResponse = await client.PostAsync("/api/directline/token", null);
        var token = (string)JObject.Parse(await tokenResponse.Content.ReadAsStringAsync())["token"]!;
        using var start = new HttpRequestMessage(HttpMethod.Post, "/v3/directline/conversations") { Headers = { Authorization = new AuthenticationHeaderValue("Bearer", token) } };
        using var started = await client.SendAsync(start);
        var conversation = (string)JObject.Parse(await started.Content.ReadAsStringAsync())["conversationId"]!;

        var failures = new List<string>();
        foreach (var request in FuzzCases.Messages(seed: 7, 300, sink.Url + "/").Concat(FuzzCases.DirectLine(seed: 8, 300, token, conversation)))
        {
            using var message = new HttpRequestMessage(request.Method, request.Path);
            if (request.Body is not null)
            {
                message.Content = new StringContent(request.Body, Encoding.UTF8, "application/json");
            }

            if (request.Bearer is not null)
            {
                message.Headers.TryAddWithoutValidation("Authorization", "Bearer " + request.Bearer);
            }

            using var response = await client.SendAsync(message);
            if ((int)response.StatusCode >= 500)
            {
                failures.Add($"{request.Method} {request.Path} -> {(int)response.StatusCode}: {request.Body?[..Math.Min(200, request.Body.Length)]}");
            }
        }

        Assert.Empty(failures);
    }

    public void Dispose() => _data.Dispose();
}
