using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;

namespace NewsBot.Bots;

/// <summary>CloudAdapter whose turn errors are logged, apologised for, and traced for the Emulator.</summary>
public sealed class AdapterWithErrorHandler : CloudAdapter
{
    public AdapterWithErrorHandler(BotFrameworkAuthentication auth, ILogger<AdapterWithErrorHandler> logger)
        : base(auth, logger)
    {
        OnTurnError = async (turnContext, exception) =>
        {
            if (IsUndeliverable(exception))
            {
                // The channel's reply address does not answer: an apology would not arrive either.
                logger.LogWarning("Could not deliver a reply to {ServiceUrl}: {Reason}", turnContext.Activity.ServiceUrl, exception.GetBaseException().Message);
                return;
            }

            // The detail goes to the log only: a reply never carries exception text or file paths.
            logger.LogError(exception, "Unhandled error in a bot turn: {Message}", exception.Message);
            if (turnContext.Activity.Type != Microsoft.Bot.Schema.ActivityTypes.Message)
            {
                return; // An invoke or an update gets its status code; a chat message nobody asked for would confuse.
            }

            try
            {
                await turnContext.SendActivityAsync("Sorry, something went wrong on my side while answering. Please try again in a moment.");
            }
            catch (Exception ex) when (ex is HttpRequestException or System.Net.Sockets.SocketException or TaskCanceledException or Microsoft.Bot.Schema.ErrorResponseException or InvalidOperationException)
            {
                logger.LogWarning("Could not deliver the apology to {ServiceUrl}: {Reason}", turnContext.Activity.ServiceUrl, ex.GetBaseException().Message);
            }
        };
    }

    private static bool IsUndeliverable(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is HttpRequestException or System.Net.Sockets.SocketException or Microsoft.Bot.Schema.ErrorResponseException)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Runs a turn for an activity that arrived through this host's own local Direct Line, authenticated as an
    /// anonymous channel request the way an Emulator request without a token is.
    /// </summary>
    public Task<InvokeResponse> ProcessLocalActivityAsync(Microsoft.Bot.Schema.Activity activity, BotCallbackHandler callback, CancellationToken cancellationToken) =>
        ProcessActivityAsync(string.Empty, activity, callback, cancellationToken);
}
