using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using NewsBot.Testing;
using Newtonsoft.Json.Linq;
using Xunit;

namespace NewsBot.Tests;

/// <summary>The local Direct Line holds a bounded amount: tokens expire, conversations and activities are capped, posts are size-limited.</summary>
public sealed class LocalDirectLineLimitTests : IAsyncLifetime
{
    private readonly TempDirectory _data = new();
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private BotHost _bot = null!;

    public Task InitializeAsync()
    {
        _bot = new BotHost(_data.Path, new Dictionary<string, string?>
        {
            ["Bot:SeedSampleNews"] = "false",
            ["DirectLine:Local:MaxConversations"] = "2",
            ["DirectLine:Local:MaxActivities"] = "10",
            ["DirectLine:Local:MaxActivityKilobytes"] = "16",
            ["DirectLine:Local:TokenMinutes"] = "30",
            ["RateLimits:Enabled"] = "false",
        }, services => services.AddSingleton<TimeProvider>(_time));
        return Task.CompletedTask;
    }

    [Fact]
    public async Task A_token_past_its_lifetime_is_refused_and_a_refreshed_one_lives_on()
    {
        var (client, token) = await TokenAsync();
        var conversation = await StartAsync(client, token);
        _time.Advance(TimeSpan.FromMinutes(20));
        using var refresh = await Send(client, HttpMethod.Post, "/v3/directline/tokens/refresh", token);
        var fresh = (string)JObject.Parse(await refresh.Content.ReadAsStringAsync())["token"]!;
        _time.Advance(TimeSpan.FromMinutes(20));

        using var expired = await Send(client, HttpMethod.Get, $"/v3/directline/conversations/{conversation}/activities", token);
        using var live = await Send(client, HttpMethod.Get, $"/v3/directline/conversations/{conversation}/activities", fresh);

        Assert.Equal(HttpStatusCode.Forbidden, expired.StatusCode);
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(1800, (int)JObject.Parse(await refresh.Content.ReadAsStringAsync())["expires_in"]!);
    }

    [Fact]
    public async Task Beyond_the_cap_the_least_recently_used_conversation_is_forgotten()
    {
        var (client, token) = await TokenAsync();
        var first = await StartAsync(client, token);
        _time.Advance(TimeSpan.FromSeconds(1));
        var second = await StartAsync(client, token);
        _time.Advance(TimeSpan.FromSeconds(1));
        using (await Send(client, HttpMethod.Get, $"/v3/directline/conversations/{first}/activities", token))
        {
            // Using the first conversation makes the second the least recently used.
        }

        _time.Advance(TimeSpan.FromSeconds(1));
        await StartAsync(client, token);

        using var kept = await Send(client, HttpMethod.Get, $"/v3/directline/conversations/{first}/activities", token);
        using var forgotten = await Send(client, HttpMethod.Get, $"/v3/directline/conversations/{second}/activities", token);
        Assert.Equal(HttpStatusCode.OK, kept.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, forgotten.StatusCode);
    }

    [Fact]
    public async Task A_conversation_keeps_its_latest_activities_and_refuses_oversized_posts()
    {
        var (client, token) = await TokenAsync();
        var conversation = await StartAsync(client, token);
        for (var i = 0; i < 15; i++)
        {
            using var posted = await Post(client, conversation, token, new JObject { ["type"] = "message", ["text"] = "help", ["from"] = new JObject { ["id"] = "u" } });
            Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        }

        using var huge = await Post(client, conversation, token, new JObject
        {
            ["type"] = "message",
            ["text"] = "see attachment",
            ["attachments"] = new JArray(new JObject { ["contentType"] = "image/png", ["contentUrl"] = "data:image/png;base64," + new string('A', 2 * 1024 * 1024) }),
        });
        using var poll = await Send(client, HttpMethod.Get, $"/v3/directline/conversations/{conversation}/activities", token);
        var body = JObject.Parse(await poll.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, huge.StatusCode);
        Assert.True(((JArray)body["activities"]!).Count <= 10);
        Assert.True(int.Parse((string)body["watermark"]!, System.Globalization.CultureInfo.InvariantCulture) > 10);
    }

    private async Task<(HttpClient Client, string Token)> TokenAsync()
    {
        var client = _bot.CreateClient();
        using var response = await client.PostAsync("/api/directline/token", null);
        return (client, (string)JObject.Parse(await response.Content.ReadAsStringAsync())["token"]!);
    }

    private static async Task<string> StartAsync(HttpClient client, string token)
    {
        using var response = await Send(client, HttpMethod.Post, "/v3/directline/conversations", token);
        response.EnsureSuccessStatusCode();
        return (string)JObject.Parse(await response.Content.ReadAsStringAsync())["conversationId"]!;
    }

    private static Task<HttpResponseMessage> Post(HttpClient client, string conversation, string token, JObject activity)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/v3/directline/conversations/{conversation}/activities")
        {
            Content = new StringContent(activity.ToString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client.SendAsync(request);
    }

    private static Task<HttpResponseMessage> Send(HttpClient client, HttpMethod method, string path, string token)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client.SendAsync(request);
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        _data.Dispose();
    }
}
