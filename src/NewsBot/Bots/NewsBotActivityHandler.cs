using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Teams;
using Microsoft.Bot.Schema;
using Microsoft.Bot.Schema.Teams;
using Microsoft.Extensions.Options;
using NewsBot.Alerts;
using NewsBot.Core.Answering;
using NewsBot.Core.Telemetry;
using NewsBot.Core.Text;
using NewsBot.SideData;
using NewsBot.Rendering;
using NewsBot.State;
using Newtonsoft.Json.Linq;

namespace NewsBot.Bots;

/// <summary>
/// The conversation: a welcome when someone joins, commands (help, what's new, sources, reset), and for anything else a
/// typing indicator followed by a cited answer that knows the conversation so far. Teams feedback is stored.
/// </summary>
public sealed class NewsBotActivityHandler(
    INewsAnswerer answerer,
    INewsOverview overview,
    ConversationState conversationState,
    FeedbackStore feedback,
    FollowCommands follows,
    SubscriptionStore subscriptions,
    NewsSearchExtension searchExtension,
    IOptions<BotOptions> options,
    TimeProvider time,
    ILogger<NewsBotActivityHandler> logger) : TeamsActivityHandler
{
    private readonly IStatePropertyAccessor<ConversationData> _conversation = conversationState.CreateProperty<ConversationData>(nameof(ConversationData));

    public override async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        using var span = NewsBotTelemetry.Step("turn");
        span?.SetTag("newsbot.channel", turnContext.Activity.ChannelId);
        span?.SetTag("newsbot.activity", turnContext.Activity.Type);
        await base.OnTurnAsync(turnContext, cancellationToken);
        await conversationState.SaveChangesAsync(turnContext, force: false, cancellationToken);
    }

    protected override async Task OnMembersAddedAsync(IList<ChannelAccount> membersAdded, ITurnContext<IConversationUpdateActivity> turnContext, CancellationToken cancellationToken)
    {
        if (membersAdded.All(m => m.Id == turnContext.Activity.Recipient?.Id))
        {
            return;
        }

        await turnContext.SendActivityAsync(BotReplies.Welcome(await overview.SummaryAsync(cancellationToken)), cancellationToken);
    }

    /// <summary>The bot was removed from the conversation: nothing more is sent there.</summary>
    protected override async Task OnMembersRemovedAsync(IList<ChannelAccount> membersRemoved, ITurnContext<IConversationUpdateActivity> turnContext, CancellationToken cancellationToken)
    {
        if (membersRemoved.Any(m => m.Id == turnContext.Activity.Recipient?.Id))
        {
            await subscriptions.RemoveConversationAsync(SubscriptionStore.ConversationKey(turnContext.Activity.GetConversationReference()), cancellationToken);
        }
    }

    /// <summary>Teams: the app was uninstalled from this chat or team.</summary>
    protected override async Task OnInstallationUpdateRemoveAsync(ITurnContext<IInstallationUpdateActivity> turnContext, CancellationToken cancellationToken) =>
        await subscriptions.RemoveConversationAsync(SubscriptionStore.ConversationKey(turnContext.Activity.GetConversationReference()), cancellationToken);

    protected override async Task OnMessageActivityAsync(ITurnContext<IMessageActivity> turnContext, CancellationToken cancellationToken)
    {
        var text = UserText.Normalise(Mentions.RemoveBotMention(turnContext.Activity)).Trim();
        if (text.Length == 0)
        {
            await turnContext.SendActivityAsync(BotReplies.HelpMessage(await overview.SummaryAsync(cancellationToken)), cancellationToken);
            return;
        }

        if (text.Length > options.Value.MaxQuestionCharacters)
        {
            await turnContext.SendActivityAsync(BotReplies.TooLong(options.Value.MaxQuestionCharacters), cancellationToken);
            return;
        }

        if (await follows.TryHandleAsync(turnContext, text, cancellationToken) is { } followReply)
        {
            await turnContext.SendActivityAsync(followReply, cancellationToken);
            return;
        }

        switch (Command(text))
        {
            case BotReplies.Help:
                await turnContext.SendActivityAsync(BotReplies.HelpMessage(await overview.SummaryAsync(cancellationToken)), cancellationToken);
                return;
            case BotReplies.WhatsNew:
                var latest = await overview.LatestAsync(cancellationToken);
                await turnContext.SendActivityAsync(AnswerActivities.For(latest, turnContext.Activity.ChannelId, options.Value.FeedbackButtons, Suggestions(latest)), cancellationToken);
                return;
            case BotReplies.Reset:
                await _conversation.DeleteAsync(turnContext, cancellationToken);
                await turnContext.SendActivityAsync(BotReplies.Forgotten(), cancellationToken);
                return;
        }

        var conversation = await _conversation.GetAsync(turnContext, () => new ConversationData(), cancellationToken);
        var request = new AnswerRequest(text, conversation.History.ToArray());
        var stream = answerer.Streams && StreamingReply.IsSupported(turnContext) ? new StreamingReply(turnContext, time) : null;
        if (stream is null)
        {
            await turnContext.SendActivityAsync(new Activity(ActivityTypes.Typing), cancellationToken);
        }
        else
        {
            await stream.InformAsync("Looking through the news…", cancellationToken);
        }

        var answer = await answerer.AnswerAsync(request, stream is null ? null : stream.AppendAsync, cancellationToken);
        conversation.Remember(new ConversationTurn(answer.Question, answer.Text), options.Value.HistoryTurns);

        // State read back from storage is plain JSON, so the object read is a copy: set it for it to be saved.
        await _conversation.SetAsync(turnContext, conversation, cancellationToken);

        var reply = AnswerActivities.For(answer, turnContext.Activity.ChannelId, options.Value.FeedbackButtons, Suggestions(answer));
        stream?.Finish(reply);
        await turnContext.SendActivityAsync(reply, cancellationToken);
    }

    protected override async Task<InvokeResponse> OnInvokeActivityAsync(ITurnContext<IInvokeActivity> turnContext, CancellationToken cancellationToken)
    {
        if (turnContext.Activity.Name == "composeExtension/query")
        {
            // Teams compose box: search the news and insert a card. The value is read by hand: a wrong shape is a 400.
            var (query, error) = SearchQuery.Read(turnContext.Activity.Value);
            if (query is null || query.CommandId != NewsSearchExtension.CommandId)
            {
                return new InvokeResponse { Status = 400, Body = new { error = error ?? "Unknown search command." } };
            }

            return CreateInvokeResponse(await searchExtension.QueryAsync(query, cancellationToken));
        }

        if (turnContext.Activity.Name != "message/submitAction")
        {
            // Invokes NewsBot does not handle, or whose value does not fit their schema, are the sender's mistake.
            try
            {
                var handled = await base.OnInvokeActivityAsync(turnContext, cancellationToken);
                return handled.Status == 501 ? new InvokeResponse { Status = 400 } : handled;
            }
            catch (Exception ex) when (ex is Newtonsoft.Json.JsonException or ArgumentException or FormatException or InvalidCastException or OverflowException)
            {
                return new InvokeResponse { Status = 400, Body = new { error = "The invoke's value does not fit its schema." } };
            }
        }

        if (turnContext.Activity.Value is not JObject value)
        {
            return new InvokeResponse { Status = 400 };
        }

        var actionValue = value["actionValue"] as JObject;
        var reaction = actionValue?["reaction"]?.ToString();
        if (value["actionName"]?.ToString() != "feedback" || string.IsNullOrEmpty(reaction))
        {
            return new InvokeResponse { Status = 400 };
        }

        await feedback.AddAsync(new AnswerFeedback(turnContext.Activity.Conversation?.Id, turnContext.Activity.ReplyToId, reaction, Capped(FeedbackText(actionValue!), options.Value.MaxFeedbackCharacters), time.GetUtcNow()), cancellationToken);
        logger.LogInformation("Feedback {Reaction} on {ReplyToId}", reaction, turnContext.Activity.ReplyToId);
        return new InvokeResponse { Status = 200 };
    }

    /// <summary>Teams sends the comment as a JSON string: {"feedbackText": "..."}.</summary>
    private static string? FeedbackText(JObject actionValue)
    {
        var raw = actionValue["feedback"]?.ToString();
        if (string.IsNullOrWhiteSpace(raw))
        {
            return null;
        }

        try
        {
            return JObject.Parse(raw)["feedbackText"]?.ToString() ?? raw;
        }
        catch (Newtonsoft.Json.JsonReaderException)
        {
            return raw;
        }
    }

    private static string? Capped(string? text, int max) => text is { Length: var length } && length > max ? text[..max] : text;

    private static string? Command(string text)
    {
        var normalized = CoverageQuestion.Normalised(text);
        return normalized switch
        {
            "help" or "?" or "commands" => BotReplies.Help,
            "what's new" or "whats new" or "what is new" or "news" or "headlines" or "latest headlines" => BotReplies.WhatsNew,
            "reset" or "start over" or "clear" or "forget" => BotReplies.Reset,
            _ => null, // Everything else, "which outlets do you cover?" included, is a question for the answerer.
        };
    }

    private static IReadOnlyList<string> Suggestions(Answer answer) => answer.FollowUps.Count > 0 ? answer.FollowUps
        : answer.Declined ? [BotReplies.WhatsNew, BotReplies.Help]
        : answer.Citations.Take(2).Select(c => $"Tell me more about: {c.Title}").Append(BotReplies.WhatsNew).ToArray();
}
