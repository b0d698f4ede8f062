using System.Collections.Concurrent;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;
using NewsBot.Bots;
using NewsBot.Security;
using Newtonsoft.Json;

namespace NewsBot.DirectLine;

/// <summary>
/// A Direct Line 3.0 endpoint inside the host, for Web Chat on a machine with no Azure Bot registration: it keeps
/// each conversation's activities, echoes the user's own (with its clientActivityID), and hands each to the bot,
/// whose replies come back through this host's own connector endpoint as they are sent (typing indicators and
/// streamed answers included) for Web Chat's polling to pick up. Everything it holds is bounded: tokens expire,
/// idle and least recently used conversations are forgotten, each keeps its latest activities only, and turns run a
/// few at a time with a bounded queue (<see cref="LocalDirectLineOptions"/>).
/// </summary>
public sealed class LocalDirectLine(
    AdapterWithErrorHandler adapter, IServiceScopeFactory scopes, IOptions<LocalDirectLineOptions> options, BotAccess access,
    TimeProvider time, ILogger<LocalDirectLine> logger) : IDisposable
{
    public const string ChannelId = "directline";
    public static readonly ChannelAccount Bot = new("newsbot", "NewsBot", RoleTypes.Bot);

    private readonly ConcurrentDictionary<string, LocalConversation> _byId = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, IssuedToken> _tokens = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _turns = new(options.Value.MaxConcurrentTurns, options.Value.MaxConcurrentTurns);
    private int _pending;

    /// <summary>On for an anonymous bot serving this machine, unless configured either way.</summary>
    public bool IsEnabled => options.Value.Enabled ?? access.IsLocalOnly;

    public int TokenSeconds => options.Value.TokenMinutes * 60;

    public int MaxActivityBytes => options.Value.MaxActivityKilobytes * 1024;

    public int ConversationCount => _byId.Count;

    public string IssueToken(string userId)
    {
        var now = time.GetUtcNow();
        if (_tokens.Count >= options.Value.MaxConversations * 2)
        {
            foreach (var (token, issued) in _tokens.Where(t => t.Value.Expires <= now).ToArray())
            {
                _tokens.TryRemove(token, out _);
            }

            // Still full of live tokens: forget the oldest.
            foreach (var (token, _) in _tokens.OrderBy(t => t.Value.Expires).Take(_tokens.Count - (options.Value.MaxConversations * 2) + 1).ToArray())
            {
                _tokens.TryRemove(token, out _);
            }
        }

        var fresh = "local." + Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24));
        _tokens[fresh] = new IssuedToken(userId, now.AddMinutes(options.Value.TokenMinutes));
        return fresh;
    }

    public bool IsKnownToken(string token) => UserOf(token) is not null;

    /// <summary>A new token for the same user, for a token that is still valid; the old one stops working.</summary>
    public string? Refresh(string token)
    {
        if (UserOf(token) is not { } userId || !_tokens.TryRemove(token, out _))
        {
            return null;
        }

        var fresh = IssueToken(userId);
        foreach (var conversation in _byId.Values.Where(c => c.Token == token))
        {
            conversation.Token = fresh;
        }

        return fresh;
    }

    public async Task<LocalConversation?> StartAsync(string token, string serviceUrl, CancellationToken cancellationToken)
    {
        if (UserOf(token) is not { } userId)
        {
            return null;
        }

        MakeRoom();
        var conversation = new LocalConversation(Guid.NewGuid().ToString("N"), token, userId, options.Value.MaxActivities, time.GetUtcNow());
        _byId[conversation.Id] = conversation;
        var joined = new Activity(ActivityTypes.ConversationUpdate)
        {
            From = new ChannelAccount(userId),
            MembersAdded = [new ChannelAccount(userId), Bot],
        };
        await RunTurnAsync(conversation, joined, serviceUrl, cancellationToken);
        return conversation;
    }

    public LocalConversation? Find(string conversationId, string token)
    {
        if (!_byId.TryGetValue(conversationId, out var conversation) || conversation.Token != token || UserOf(token) is null)
        {
            return null;
        }

        conversation.Touch(time.GetUtcNow());
        return conversation;
    }

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

    /// <summary>
    /// Stores the user's activity, returns its id at once, and lets the bot answer in the background; null when
    /// too many turns are waiting already.
    /// </summary>
    public string? Post(LocalConversation conversation, Activity activity, string serviceUrl)
    {
        if (Interlocked.Increment(ref _pending) > options.Value.MaxConcurrentTurns + options.Value.MaxQueuedTurns)
        {
            Interlocked.Decrement(ref _pending);
            return null;
        }

        activity.From = new ChannelAccount(conversation.UserId, activity.From?.Name);
        activity.Recipient = Bot;
        activity.ChannelId = ChannelId;
        activity.ServiceUrl = serviceUrl;
        var id = conversation.Append(activity);
        var copy = JsonConvert.DeserializeObject<Activity>(JsonConvert.SerializeObject(activity))!;
        _ = Task.Run(async () =>
        {
            try
            {
                await RunTurnAsync(conversation, copy, serviceUrl, CancellationToken.None);
            }
            finally
            {
                Interlocked.Decrement(ref _pending);
            }
        });
        return id;
    }

    public void Dispose() => _turns.Dispose();

    private string? UserOf(string token) =>
        _tokens.TryGetValue(token, out var issued) && issued.Expires > time.GetUtcNow() ? issued.UserId : null;

    /// <summary>Forgets idle conversations, then the least recently used ones while there are too many.</summary>
    private void MakeRoom()
    {
        var now = time.GetUtcNow();
        var idle = now.AddMinutes(-options.Value.IdleMinutes);
        foreach (var conversation in _byId.Values.Where(c => c.LastActive < idle).ToArray())
        {
            _byId.TryRemove(conversation.Id, out _);
        }

        var excess = _byId.Count - options.Value.MaxConversations + 1;
        if (excess > 0)
        {
            foreach (var conversation in _byId.Values.OrderBy(c => c.LastActive).Take(excess).ToArray())
            {
                _byId.TryRemove(conversation.Id, out _);
            }
        }
    }

    private async Task RunTurnAsync(LocalConversation conversation, Activity activity, string serviceUrl, CancellationToken cancellationToken)
    {
        await conversation.Turn.WaitAsync(cancellationToken);
        await _turns.WaitAsync(cancellationToken);
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
            logger.LogError("The local Direct Line turn failed: {Reason}", ex.Message);
            conversation.Append(new Activity(ActivityTypes.Message) { From = Bot, Text = "Sorry, something went wrong on my side while answering. Please try again in a moment." });
        }
        finally
        {
            _turns.Release();
            conversation.Turn.Release();
        }
    }

    private sealed record IssuedToken(string UserId, DateTimeOffset Expires);
}
