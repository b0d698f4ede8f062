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
        await adapter.ProcessAsync(context.Request, context.Response, bot, cancellationToken);
    }

    private static async Task RefuseAsync(HttpContext context, int status, string reason, ILogger logger, CancellationToken cancellationToken)
    {
        logger.LogWarning("Refused a request to /api/messages from {Remote}: {Status} {Reason}", context.Connection.RemoteIpAddress, status, reason);
        context.Response.StatusCode = status;
        await context.Response.WriteAsJsonAsync(new { error = reason }, cancellationToken);
    }
}
