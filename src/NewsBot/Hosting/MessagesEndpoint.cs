using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Extensions.Options;
using NewsBot.Security;

namespace NewsBot.Hosting;

/// <summary>
/// <c>POST /api/messages</c>: the body is read within its size limit and checked (<see cref="ActivityGate"/>), its
/// channel token is checked (<see cref="ChannelAuthentication"/>), then the conversation's rate, and only then does
/// the Bot Framework adapter run the turn, in arrival order when many are asked at once (<see cref="TurnGate"/>).
/// Refusals are cheap and logged sparingly (<see cref="RefusalLog"/>).
/// </summary>
public static class MessagesEndpoint
{
    public static async Task PostAsync(
        HttpContext context, IBotFrameworkHttpAdapter adapter, IBot bot, BotAccess access, ChannelAuthentication authentication,
        ConversationRateLimiter conversations, TurnGate gate, IOptions<BotOptions> options, RefusalLog refusals, CancellationToken cancellationToken)
    {
        var limit = options.Value.MaxRequestKilobytes * 1024;
        var body = await LimitedBody.ReadAsync(context.Request, limit, cancellationToken);
        if (body is null)
        {
            await RefuseAsync(context, StatusCodes.Status413PayloadTooLarge, $"The request body is larger than {options.Value.MaxRequestKilobytes} KB.", refusals, cancellationToken);
            return;
        }

        var (activity, error) = ActivityGate.Check(body, access);
        if (activity is null)
        {
            await RefuseAsync(context, StatusCodes.Status400BadRequest, error!, refusals, cancellationToken);
            return;
        }

        try
        {
            var client = context.Connection.RemoteIpAddress?.ToString() ?? "in-process";
            if (await authentication.CheckAsync(activity, context.Request.Headers.Authorization.ToString() is { Length: > 0 } header ? header : null, client, cancellationToken) is { } refused)
            {
                RateLimitResponses.SetRetryAfter(context.Response, refused.RetryAfter, onlyWhenGiven: true);
                await RefuseAsync(context, refused.Status, refused.Reason, refusals, cancellationToken);
                return;
            }

            if (!conversations.TryAcquire(activity.Conversation.Id, out var retryAfter))
            {
                RateLimitResponses.SetRetryAfter(context.Response, retryAfter);
                await RefuseAsync(context, StatusCodes.Status429TooManyRequests, conversations.Refusal(retryAfter), refusals, cancellationToken);
                return;
            }

            if (access.IsAnonymous)
            {
                // Without an app id there is no token to check: a header a caller sends anyway is not read.
                context.Request.Headers.Authorization = default;
            }

            using var turn = await gate.EnterAsync(cancellationToken);
            if (!turn.IsAcquired)
            {
                RateLimitResponses.SetRetryAfter(context.Response, TimeSpan.FromSeconds(1));
                await RefuseAsync(context, StatusCodes.Status503ServiceUnavailable, "NewsBot is answering as many questions as it can; try again in a second.", refusals, cancellationToken);
                return;
            }

            context.Request.Body = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(body));
            await adapter.ProcessAsync(context.Request, context.Response, bot, cancellationToken);
        }
        catch (Exception ex) when (!context.Response.HasStarted && ChannelAuthentication.IsKeyRetrievalFailure(ex))
        {
            // The channel's token cannot be checked while the Bot Framework's signing keys are out of reach: refuse it for now.
            RateLimitResponses.SetRetryAfter(context.Response, TimeSpan.FromSeconds(30));
            await RefuseAsync(context, StatusCodes.Status503ServiceUnavailable, "The request's token cannot be verified right now (the Bot Framework's signing keys are unreachable).", refusals, cancellationToken);
        }
    }

    private static async Task RefuseAsync(HttpContext context, int status, string reason, RefusalLog refusals, CancellationToken cancellationToken)
    {
        refusals.Refused(context.Connection.RemoteIpAddress, status, reason);
        context.Response.StatusCode = status;
        await context.Response.WriteAsJsonAsync(new { error = reason }, cancellationToken);
    }
}
