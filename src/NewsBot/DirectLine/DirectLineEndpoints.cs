using System.Net.Http.Headers;
using System.Text;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using NewsBot.Security;

namespace NewsBot.DirectLine;

/// <summary>
/// <c>POST /api/directline/token</c> for the web chat page, and the local Direct Line 3.0 endpoint under
/// <c>/v3/directline</c> (conversations, posting, polling with a watermark) used when no Azure secret is set.
/// </summary>
public static class DirectLineEndpoints
{
    private static readonly JsonSerializerSettings Json = new() { NullValueHandling = NullValueHandling.Ignore };

    public static IEndpointRouteBuilder MapDirectLine(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/api/directline/token", TokenAsync).RequireRateLimiting(RateLimitResponses.ChannelPolicy);
        var local = endpoints.MapGroup("/v3/directline").RequireRateLimiting(RateLimitResponses.ChannelPolicy);
        local.AddEndpointFilter(async (context, next) =>
            context.HttpContext.RequestServices.GetRequiredService<LocalDirectLine>().IsEnabled
                ? await next(context)
                : Results.Json(new { error = "The local Direct Line is off (DirectLine:Local:Enabled)." }, statusCode: StatusCodes.Status404NotFound));
        local.MapPost("/conversations", StartAsync);
        local.MapGet("/conversations/{id}", (string id, HttpContext context, LocalDirectLine directLine) =>
            WithConversation(context, directLine, id, c => Ok(new { conversationId = c.Id, token = c.Token, expires_in = directLine.TokenSeconds })));
        local.MapPost("/conversations/{id}/activities", PostAsync);
        local.MapGet("/conversations/{id}/activities", (string id, string? watermark, HttpContext context, LocalDirectLine directLine) =>
            WithConversation(context, directLine, id, c =>
            {
                var (activities, next) = c.Since(int.TryParse(watermark, out var w) ? w : 0);
                return Ok(new { activities, watermark = next.ToString(System.Globalization.CultureInfo.InvariantCulture) });
            }));
        // Where the bot sends its replies to local conversations: the Bot Framework connector API, loopback only.
        local.MapPost("/connector/v3/conversations/{id}/activities/{replyToId?}", DeliverAsync);
        local.MapPost("/tokens/refresh", (HttpContext context, LocalDirectLine directLine) =>
            Bearer(context) is { } token && directLine.Refresh(token) is { } fresh ? Ok(new { token = fresh, expires_in = directLine.TokenSeconds }) : Results.StatusCode(403));
        return endpoints;
    }

    /// <summary>A Direct Line token for the page: from Azure when a secret is configured, else for the local endpoint.</summary>
    private static async Task<IResult> TokenAsync(HttpContext context, IOptions<DirectLineOptions> options, LocalDirectLine directLine, IHttpClientFactory http, CancellationToken cancellationToken)
    {
        var userId = "reader-" + Guid.NewGuid().ToString("N")[..16];
        var secret = options.Value.Secret;
        if (!string.IsNullOrWhiteSpace(secret))
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, options.Value.Domain.TrimEnd('/') + "/tokens/generate")
            {
                Content = new StringContent(new JObject { ["user"] = new JObject { ["id"] = userId } }.ToString(), Encoding.UTF8, "application/json"),
            };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", secret);
            using var response = await http.CreateClient("DirectLine").SendAsync(request, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                return Results.Json(new { error = $"Direct Line refused the secret ({(int)response.StatusCode})." }, statusCode: 502);
            }

            var generated = JObject.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
            return Results.Json(new { token = (string?)generated["token"], userId, domain = (string?)null });
        }

        if (!directLine.IsEnabled)
        {
            return Results.Json(new { error = "The web chat page needs DirectLine:Secret (the Azure Bot's Direct Line channel), or the local Direct Line (DirectLine:Local:Enabled)." }, statusCode: 503);
        }

        return Results.Json(new { token = directLine.IssueToken(userId), userId, domain = $"{context.Request.Scheme}://{context.Request.Host}{context.Request.PathBase}/v3/directline" });
    }

    private static async Task<IResult> StartAsync(HttpContext context, LocalDirectLine directLine, CancellationToken cancellationToken)
    {
        var conversation = Bearer(context) is { } token ? await directLine.StartAsync(token, ServiceUrl(context), cancellationToken) : null;
        return conversation is null
            ? Results.StatusCode(403)
            : Ok(new { conversationId = conversation.Id, token = conversation.Token, expires_in = directLine.TokenSeconds });
    }

    private static async Task<IResult> PostAsync(string id, HttpContext context, LocalDirectLine directLine, ConversationRateLimiter rates, CancellationToken cancellationToken)
    {
        var conversation = Bearer(context) is { } token ? directLine.Find(id, token) : null;
        if (conversation is null)
        {
            return Results.StatusCode(403);
        }

        var body = await LimitedBody.ReadAsync(context.Request, directLine.MaxActivityBytes, cancellationToken);
        if (body is null)
        {
            return Results.Json(new { error = $"The activity is larger than {directLine.MaxActivityBytes / 1024} KB (DirectLine:Local:MaxActivityKilobytes)." }, statusCode: StatusCodes.Status413PayloadTooLarge);
        }

        if (Parse(body) is not { Type: { Length: > 0 } } activity)
        {
            return Results.Json(new { error = "The body must be an activity with a type." }, statusCode: 400);
        }

        if (!rates.TryAcquire(conversation.Id, out var retryAfter))
        {
            RateLimitResponses.SetRetryAfter(context.Response, retryAfter);
            return Results.Json(new { error = rates.Refusal(retryAfter) }, statusCode: StatusCodes.Status429TooManyRequests);
        }

        if (directLine.Post(conversation, activity, ServiceUrl(context)) is not { } posted)
        {
            RateLimitResponses.SetRetryAfter(context.Response, TimeSpan.FromSeconds(5));
            return Results.Json(new { error = "NewsBot is busy answering other questions; try again shortly." }, statusCode: StatusCodes.Status429TooManyRequests);
        }

        return Ok(new { id = posted });
    }

    private static Activity? Parse(string body)
    {
        try
        {
            return JsonConvert.DeserializeObject<Activity>(body);
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException or FormatException or InvalidCastException)
        {
            return null;
        }
    }

    private static async Task<IResult> DeliverAsync(string id, HttpContext context, LocalDirectLine directLine, CancellationToken cancellationToken)
    {
        if (context.Connection.RemoteIpAddress is not { } remote || !System.Net.IPAddress.IsLoopback(remote))
        {
            return Results.StatusCode(403);
        }

        var body = await LimitedBody.ReadAsync(context.Request, 4 * 1024 * 1024, cancellationToken);
        if (body is null || Parse(body) is not { } activity)
        {
            return Results.Json(new { error = "The body must be an activity." }, statusCode: 400);
        }

        var posted = directLine.Deliver(id, activity);
        return posted is null ? Results.NotFound() : Ok(new { id = posted });
    }

    private static IResult WithConversation(HttpContext context, LocalDirectLine directLine, string id, Func<LocalConversation, IResult> then) =>
        Bearer(context) is { } token && directLine.Find(id, token) is { } conversation ? then(conversation) : Results.StatusCode(403);

    private static string? Bearer(HttpContext context) =>
        AuthenticationHeaderValue.TryParse(context.Request.Headers.Authorization, out var header) && header.Scheme == "Bearer" ? header.Parameter : null;

    /// <summary>This host's own connector endpoint, on the address it listens on, so the bot's replies never leave the machine.</summary>
    private static string ServiceUrl(HttpContext context)
    {
        var listening = context.RequestServices.GetService<Microsoft.AspNetCore.Hosting.Server.IServer>()?
            .Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()?.Addresses
            .FirstOrDefault(a => a.StartsWith("http://", StringComparison.Ordinal));
        var self = listening is null
            ? $"{context.Request.Scheme}://{context.Request.Host}"
            : listening.Replace("://0.0.0.0", "://127.0.0.1", StringComparison.Ordinal).Replace("://[::]", "://127.0.0.1", StringComparison.Ordinal).Replace("://+", "://127.0.0.1", StringComparison.Ordinal).Replace("://*", "://127.0.0.1", StringComparison.Ordinal);
        return $"{self.TrimEnd('/')}{context.Request.PathBase}/v3/directline/connector/";
    }

    private static IResult Ok(object body) => Results.Content(JsonConvert.SerializeObject(body, Json), "application/json");
}
