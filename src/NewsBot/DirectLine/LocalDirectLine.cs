using System.Collections.Concurrent;
using Microsoft.Bot.Builder;
using NewsBot.Bots;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;

namespace NewsBot.DirectLine;

/// <summary>
/// A Direct Line 3.0 endpoint inside the host, for Web Chat on a machine with no Azure Bot registration: it keeps
/// each conversation's activities, echoes the user's own (with its clientActivityID), and hands each to the bot,
/// whose replies come back through this host's own connector endpoint as they are sent (typing indicators and
/// streamed answers included) for Web Chat's polling to pick up.
/// </summary>
public sealed class LocalDirectLine(AdapterWithErrorHandler adapter, IServiceScopeFactory scopes, ILogger<LocalDirectLine> logger)
{
    public const string ChannelId = "directline";
    public static readonly ChannelAccount Bot = new("newsbot", "NewsBot", RoleTypes.Bot);

    private readonly ConcurrentDictionary<string, LocalConversation> _byId = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _userByToken = new(StringComparer.Ordinal);

    public string IssueToken(string userId)
    {
        var token = "local." + Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24));
        _userByToken[token] = userId;
        return token;
    }

    public bool IsKnownToken(string token) => _userByToken.ContainsKey(token);

    public async Task<LocalConversation?> StartAsync(string token, string serviceUrl, CancellationToken cancellationToken)
    {
        if (!_userByToken.TryGetValue(token, out var userId))
        {
            return null;
        }

        var conversation = new LocalConversation(Guid.NewGuid().ToString("N"), token, userId);
        _byId[conversation.Id] = conversation;
        var joined = new Activity(ActivityTypes.ConversationUpdate)
        {
            From = new ChannelAccount(userId),
            MembersAdded = [new ChannelAccount(userId), Bot],
        };
        await RunTurnAsync(conversation, joined, serviceUrl, cancellationToken);
        return conversation;
    }

    public LocalConversation? Find(string conversationId, string token) =>
        _byId.TryGetValue(conversationId, out var conversation) && conversation.Token == token ? conversation : null;

    /// <summary>An activity the bot sent to a conversation through the connector endpoint.</summary>
    public string? Deliver(string conversationId, Activity activity)
    {
        if (!_byId.TryGetValue(conversationId, out var conversation))
        {
            return null;
        }

        activity.From ??= Bot;
        return conversation.Append(activity);
    }

    /// <summary>Stores the user's activity, returns its id at once, and lets the bot answer in the background.</summary>
    public string Post(LocalConversation conversation, Activity activity, string serviceUrl)
    {
        activity.From ??= new ChannelAccount(conversation.UserId);
        activity.Recipient = Bot;
        activity.ChannelId = ChannelId;
        activity.ServiceUrl = serviceUrl;
        var id = conversation.Append(activity);
        var copy = JsonConvert.DeserializeObject<Activity>(JsonConvert.SerializeObject(activity))!;
        _ = Task.Run(() => RunTurnAsync(conversation, copy, serviceUrl, CancellationToken.None));
        return id;
    }

    private async Task RunTurnAsync(LocalConversation conversation, Activity activity, string serviceUrl, CancellationToken cancellationToken)
    {
        await conversation.Turn.WaitAsync(cancellationToken);
        try
        {
            activity.ChannelId = ChannelId;
            activity.ServiceUrl = serviceUrl;
            activity.Recipient = Bot;
            activity.Conversation = new ConversationAccount(id: conversation.Id);
            activity.Id ??= Guid.NewGuid().ToString("N");
            await using var scope = scopes.CreateAsyncScope();
            var bot = scope.ServiceProvider.GetRequiredService<IBot>();
            await adapter.ProcessLocalActivityAsync(activity, bot.OnTurnAsync, cancellationToken);
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "The local Direct Line turn failed");
            conversation.Append(new Activity(ActivityTypes.Message) { From = Bot, Text = "Sorry, something went wrong on my side while answering. Please try again in a moment." });
        }
        finally
        {
            conversation.Turn.Release();
        }
    }
}
