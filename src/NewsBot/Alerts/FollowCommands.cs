using System.Text.RegularExpressions;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;
using NewsBot.Bots;
using NewsBot.Core.Answering;
using NewsBot.Core.Text;
using NewsBot.Rendering;

namespace NewsBot.Alerts;

/// <summary>
/// <c>follow TOPIC</c>, <c>unfollow TOPIC</c> (or <c>unfollow all</c>), <c>following</c>, <c>briefing daily 08:00</c>,
/// <c>briefing off</c>: the same words in every channel. The conversation's reference is stored with each, so alerts
/// and briefings reach it later.
/// </summary>
public sealed partial class FollowCommands(SubscriptionStore store, INewsAlerts alerts, IOptions<AlertOptions> options, TimeProvider time)
{
    /// <summary>The reply to a follow or briefing command, or null when the message is not one.</summary>
    public async Task<IMessageActivity?> TryHandleAsync(ITurnContext turn, string text, CancellationToken cancellationToken)
    {
        text = Noise().Replace(text, "");
        var reference = turn.Activity.GetConversationReference();
        var conversation = SubscriptionStore.ConversationKey(reference);
        if (Follow().Match(text) is { Success: true } follow)
        {
            return await FollowAsync(reference, follow.Groups["topic"].Value.Trim(), cancellationToken);
        }

        if (Unfollow().Match(text) is { Success: true } unfollow)
        {
            return await UnfollowAsync(conversation, unfollow.Groups["topic"].Value.Trim(), cancellationToken);
        }

        if (Following().IsMatch(text))
        {
            return await ListAsync(conversation, cancellationToken);
        }

        if (BriefingCommand().Match(text) is { Success: true } briefing)
        {
            return await BriefingAsync(turn, reference, briefing.Groups["when"].Value.Trim(), cancellationToken);
        }

        return null;
    }

    private async Task<IMessageActivity> FollowAsync(ConversationReference reference, string topic, CancellationToken cancellationToken)
    {
        var check = alerts.CheckTopic(topic);
        if (check.Problem is not null)
        {
            return Reply(check.Problem);
        }

        if (topic.Length > options.Value.MaxTopicCharacters)
        {
            return Reply($"That topic is too long to follow: name it in fewer than {options.Value.MaxTopicCharacters} characters.");
        }

        if (topic.Any(UserText.IsHidden))
        {
            return Reply("That topic has invisible control or text-direction characters in it: type it again as plain words.");
        }

        var added = await store.FollowAsync(reference, topic, await alerts.LatestArrivalAsync(cancellationToken), time.GetUtcNow(), options.Value.MaxTopicsPerConversation, cancellationToken);
        var safe = MarkdownSafety.Text(topic);
        var every = options.Value.MinimumIntervalMinutes > 0 ? $", at most one alert every {Minutes(options.Value.MinimumIntervalMinutes)}" : "";
        return added switch
        {
            FollowResult.Added => BotReplies.WithSuggestions($"Following **{safe}**. When new articles about it arrive, I'll send you a short cited alert here{every}. Say **unfollow {safe}** to stop.", ["following", $"What's the latest on {topic}?"]),
            FollowResult.Known => Reply($"You already follow **{safe}**."),
            _ => Reply($"You follow {options.Value.MaxTopicsPerConversation} topics already, as many as I keep for one conversation. Say **unfollow** and a topic to make room."),
        };
    }

    private async Task<IMessageActivity> UnfollowAsync(string conversation, string topic, CancellationToken cancellationToken)
    {
        if (topic.Equals("all", StringComparison.OrdinalIgnoreCase) || topic.Equals("everything", StringComparison.OrdinalIgnoreCase))
        {
            var all = await store.TopicsAsync(conversation, cancellationToken);
            foreach (var each in all)
            {
                await store.UnfollowAsync(conversation, each, cancellationToken);
            }

            return Reply(all.Count == 0 ? "You don't follow any topics." : $"Stopped following all {all.Count} topics.");
        }

        if (await store.UnfollowAsync(conversation, topic, cancellationToken))
        {
            return Reply($"Stopped following **{MarkdownSafety.Text(topic)}**: no more alerts about it.");
        }

        var topics = await store.TopicsAsync(conversation, cancellationToken);
        return Reply($"You don't follow **{MarkdownSafety.Text(topic)}**. " + (topics.Count == 0 ? "You don't follow any topics." : "You follow: " + List(topics) + "."));
    }

    private async Task<IMessageActivity> ListAsync(string conversation, CancellationToken cancellationToken)
    {
        var topics = await store.TopicsAsync(conversation, cancellationToken);
        var briefing = await store.BriefingOfAsync(conversation, cancellationToken);
        var text = topics.Count == 0
            ? "You don't follow any topics. Say **follow** and a topic (for example *follow tram strike*) to get an alert when news about it arrives."
            : "You follow: " + List(topics) + ". Say **unfollow** and a topic to stop.";
        text += briefing is null
            ? "\n\nNo daily briefing: say **briefing daily 08:00** for one."
            : $"\n\nYour briefing comes daily at {briefing.LocalTime} ({briefing.TimeZone}); say **briefing off** to stop it.";
        return Reply(text);
    }

    private async Task<IMessageActivity> BriefingAsync(ITurnContext turn, ConversationReference reference, string when, CancellationToken cancellationToken)
    {
        var conversation = SubscriptionStore.ConversationKey(reference);
        if (when.ToLowerInvariant() is "off" or "stop" or "none" or "cancel")
        {
            return Reply(await store.BriefingOffAsync(conversation, cancellationToken) ? "Daily briefing stopped." : "You have no daily briefing.");
        }

        if (when.Length == 0)
        {
            var current = await store.BriefingOfAsync(conversation, cancellationToken);
            return Reply(current is null
                ? "You have no daily briefing. Say **briefing daily 08:00** for the top stories every morning at eight."
                : $"Your briefing comes daily at {current.LocalTime} ({current.TimeZone}). Say **briefing off** to stop it.");
        }

        if (BriefingSchedule.ParseTime(when) is not { } localTime)
        {
            return Reply($"I didn't understand \"{MarkdownSafety.Text(when)}\" as a time of day. Say for example **briefing daily 08:00** or **briefing daily 7:30 pm**.");
        }

        var zone = BriefingSchedule.Zone(turn.Activity.LocalTimezone, options.Value.TimeZone);
        var now = time.GetUtcNow();
        var next = BriefingSchedule.Next(localTime, zone, now);
        await store.SetBriefingAsync(new Briefing(conversation, reference, localTime, zone.Id, next, now), cancellationToken);
        return Reply($"Your briefing of the top stories will come daily at {localTime} ({zone.Id}), the first on {TimeZoneInfo.ConvertTime(next, zone):dddd d MMMM}. Say **briefing off** to stop it.");
    }

    private static string List(IReadOnlyList<string> topics) => string.Join(", ", topics.Select(t => $"**{MarkdownSafety.Text(t)}**"));

    private static string Minutes(int minutes) => minutes % 60 == 0 ? (minutes == 60 ? "hour" : $"{minutes / 60} hours") : $"{minutes} minutes";

    private static IMessageActivity Reply(string text) => BotReplies.WithSuggestions(text, []);

    [GeneratedRegex(@"^[/!\s]+|[.!?\s]+$")]
    private static partial Regex Noise();

    [GeneratedRegex(@"^(?:follow|subscribe to|alert me (?:about|on|to)|notify me about)\s+(?<topic>.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex Follow();

    [GeneratedRegex(@"^(?:unfollow|stop following|unsubscribe from)\s+(?<topic>.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex Unfollow();

    [GeneratedRegex(@"^(?:following|my topics|what do i follow|subscriptions|my subscriptions)$", RegexOptions.IgnoreCase)]
    private static partial Regex Following();

    [GeneratedRegex(@"^briefings?(?:\s+(?:daily|every day|each day))?(?:\s+at)?(?<when>(?:\s+.*)?)$", RegexOptions.IgnoreCase)]
    private static partial Regex BriefingCommand();
}
