using System.Net;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using NewsBot.Bots;

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

/// <summary>
/// Sends a message into a conversation nobody just wrote in, through the stored conversation reference: Bot Framework
/// proactive messaging with the bot's app id (empty for an anonymous bot: the Emulator, the local Direct Line).
/// </summary>
public sealed class ProactiveSender(AdapterWithErrorHandler adapter, IConfiguration configuration, ILogger<ProactiveSender> logger)
{
    public async Task<Delivery> SendAsync(ConversationReference reference, IActivity activity, CancellationToken cancellationToken)
    {
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
            return Delivery.Sent;
        }

        var status = (failure as ErrorResponseException)?.Response?.StatusCode;
        if (status is HttpStatusCode.Forbidden or HttpStatusCode.NotFound or HttpStatusCode.Gone)
        {
            logger.LogInformation("{Conversation} on {Channel} refuses messages ({Status}): its subscriptions are removed", reference.Conversation?.Id, reference.ChannelId, (int)status);
            return Delivery.Gone;
        }

        logger.LogWarning("Could not send to {Conversation} at {ServiceUrl}: {Reason}", reference.Conversation?.Id, reference.ServiceUrl, failure.GetBaseException().Message);
        logger.LogDebug(failure, "Proactive send failed");
        return Delivery.Failed;
    }
}
