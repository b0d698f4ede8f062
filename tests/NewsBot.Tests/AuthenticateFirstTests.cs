using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NewsBot.Testing;
using Xunit;

namespace NewsBot.Tests;

/// <summary>With app credentials, a request's token is checked before anything is counted against its conversation; rejections are cheap and quiet.</summary>
public sealed class AuthenticateFirstTests : IDisposable
{
    private readonly TempDirectory _data = new();
    private readonly RecordedLog _log = new();

    [Theory]
    [InlineData("Bearer x")]
    [InlineData("Bearer a.b")]
    [InlineData("Bearer ..")]
    [InlineData("Basic dXNlcjpwYXNz")]
    [InlineData(null)]
    public async Task Requests_without_a_valid_token_are_401_and_never_throttle_the_conversation_they_name(string? authorization)
    {
        await using var bot = Bot(perClient: 300);
        using var client = bot.CreateClient();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 40; i++)
        {
            statuses.Add(await PostAsync(client, authorization));
        }

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.Unauthorized, s));
        Assert.DoesNotContain(_log.Lines, l => l.Level >= LogLevel.Error);
    }

    [Fact]
    public async Task A_flood_of_unauthenticated_requests_is_refused_cheaply_by_address_and_logged_in_a_few_lines()
    {
        await using var bot = Bot(perClient: 6);
        using var client = bot.CreateClient();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 300; i++)
        {
            if (i == 50)
            {
                await Task.Delay(TimeSpan.FromSeconds(2)); // a fraction of a permit refills meanwhile: still no whole one
            }

            statuses.Add(await PostAsync(client, i % 2 == 0 ? "Bearer x" : null));
        }

        Assert.InRange(statuses.Count(s => s == HttpStatusCode.Unauthorized), 1, 10);
        Assert.True(statuses.Count(s => s == HttpStatusCode.TooManyRequests) >= 290);
        Assert.DoesNotContain(statuses, s => (int)s >= 500);
        Assert.InRange(_log.Lines.Count(l => l.Level >= LogLevel.Warning), 1, 4);
    }

    public void Dispose() => _data.Dispose();

    private BotHost Bot(int perClient) => new(_data.Path, new Dictionary<string, string?>
    {
        ["MicrosoftAppType"] = "MultiTenant",
        ["MicrosoftAppId"] = "6f1b1d4e-0c55-4a3e-9f7e-4b2d7c1e9a10",
        ["MicrosoftAppPassword"] = "not-a-real-secret",
        ["RateLimits:PerClientPerMinute"] = perClient.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["RateLimits:PerConversationPerMinute"] = "30",
    }, services => services.AddSingleton<ILoggerProvider>(_log));

    private static async Task<HttpStatusCode> PostAsync(HttpClient client, string? authorization)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StringContent(BotHost.Message("Who won the coastal football league?", conversation: "19:team-channel@thread.tacv2", channel: "msteams").ToString(), Encoding.UTF8, "application/json"),
        };
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }
}
