using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Extensions.Options;
using NewsBot.Security;

namespace NewsBot.Hosting;

/// <summary>
/// <c>POST /api/messages</c>: the body is read within its size limit and checked (<see cref="ActivityGate"/>), the
/// conversation's rate is checked, and only then does the Bot Framework adapter authenticate it and run the turn.
/// </summary>
public static class MessagesEndpoint
{
    public static async Task PostAsync(
        HttpContext context, IBotFrameworkHttpAdapter adapter, IBot bot, BotAccess access, ConversationRateLimiter conversations,
        IOptions<BotOptions> options, ILogger<IBot> logger, CancellationToken cancellationToken)
    {
        var limit = options.Value.MaxRequestKilobytes * 1024;
        var body = await LimitedBody.ReadAsync(context.Request, limit, cancellationToken);
        if (body is null)
        {
            await RefuseAsync(context, StatusCodes.Status413PayloadTooLarge, $"The request body is larger than {options.Value.MaxRequestKilobytes} KB.", logger, cancellationToken);
            return;
        }

        var (activity, error) = ActivityGate.Check(body, access.IsLocalOnly);
        if (activity is null)
        {
            await RefuseAsync(context, StatusCodes.Status400BadRequest, error!, logger, cancellationToken);
            return;
        }

        if (!conversations.TryAcquire(activity.Conversation.Id, out var retryAfter))
        {
            RateLimitResponses.SetRetryAfter(context.Response, retryAfter);
            await RefuseAsync(context, StatusCodes.Status429TooManyRequests, "Too many messages in this conversation; try again shortly.", logger, cancellationToken);
            return;
        }

        context.Request.Body = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(body));
        try
        {
            await adapter.ProcessAsync(context.Request, context.Response, bot, cancellationToken);
        }
        catch (Exception ex) when (!context.Response.HasStarted && IsKeyRetrievalFailure(ex))
        {
            // The channel's token cannot be checked while the Bot Framework's signing keys are out of reach: refuse it for now.
            RateLimitResponses.SetRetryAfter(context.Response, TimeSpan.FromSeconds(30));
            await RefuseAsync(context, StatusCodes.Status503ServiceUnavailable, "The request's token cannot be verified right now (the Bot Framework's signing keys are unreachable).", logger, cancellationToken);
        }
    }

    /// <summary>IdentityModel's failure to fetch the OpenID metadata (IDX20803) behind a token check.</summary>
    private static bool IsKeyRetrievalFailure(Exception ex) =>
        ex is InvalidOperationException && ex.Message.StartsWith("IDX20803", StringComparison.Ordinal);

    private static async Task RefuseAsync(HttpContext context, int status, string reason, ILogger logger, CancellationToken cancellationToken)
    {
        logger.LogWarning("Refused a request to /api/messages from {Remote}: {Status} {Reason}", context.Connection.RemoteIpAddress, status, reason);
        context.Response.StatusCode = status;
        await context.Response.WriteAsJsonAsync(new { error = reason }, cancellationToken);
    }
}
