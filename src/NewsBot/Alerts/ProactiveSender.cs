using System.Net;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using NewsBot.Bots;
using NewsBot.Security;

namespace NewsBot.Alerts;

/// <summary>What became of a message sent on the bot's own initiative.</summary>
public enum Delivery
{
    Sent,

    /// <summary>The channel refuses the conversation for good (403, 404: the app was removed, the conversation is gone).</summary>
    Gone,

    /// <summary>The channel could not be reached or failed; a later attempt may succeed.</summary>
    Failed,
}

/// <summary>What became of a send, and why it failed when it did.</summary>
public sealed record DeliveryResult(Delivery Delivery, string? Reason = null);

/// <summary>
/// Sends a message into a conversation nobody just wrote in, through the stored conversation reference: Bot Framework
/// proactive messaging with the bot's app id (empty for an anonymous bot: the Emulator, the local Direct Line). The
/// stored reply address passes the same policy as an incoming request's, at send time (<see cref="BotAccess"/>).
/// </summary>
public sealed class ProactiveSender(AdapterWithErrorHandler adapter, IConfiguration configuration, BotAccess access, ILogger<ProactiveSender> logger)
{
    public async Task<DeliveryResult> SendAsync(ConversationReference reference, IActivity activity, CancellationToken cancellationToken)
    {
        if (!access.AllowsReplyTo(reference.ServiceUrl))
        {
            return new DeliveryResult(Delivery.Failed, "its reply address is not allowed now (off this machine while the bot has no app credentials, or not http(s))");
        }

        Exception? failure = null;
        try
        {
            await adapter.ContinueConversationAsync(configuration["MicrosoftAppId"] ?? "", reference, async (turn, token) =>
            {
                // Caught here, not in the adapter's turn error handler, which would apologise into the same conversation.
                try
                {
                    await turn.SendActivityAsync(activity, token);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    failure = ex;
                }
            }, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            failure = ex;
        }

        if (failure is null)
        {
            return new DeliveryResult(Delivery.Sent);
        }

        var status = (failure as ErrorResponseException)?.Response?.StatusCode;
        if (status is HttpStatusCode.Forbidden or HttpStatusCode.NotFound or HttpStatusCode.Gone)
        {
            logger.LogInformation("{Conversation} on {Channel} refuses messages ({Status}): its subscriptions are removed", reference.Conversation?.Id, reference.ChannelId, (int)status);
            return new DeliveryResult(Delivery.Gone);
        }

        // The caller decides how loudly to log a failure that may pass (see DeliveryBackoff).
        logger.LogDebug(failure, "Proactive send to {Conversation} failed", reference.Conversation?.Id);
        return new DeliveryResult(Delivery.Failed, failure.GetBaseException().Message);
    }
}
