using Microsoft.Bot.Schema;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace NewsBot.Security;

/// <summary>
/// Checks an activity before the Bot Framework sees it, so a malformed one is answered 400 with a short reason
/// instead of failing inside a turn, and an anonymous bot never sends a reply to another machine.
/// </summary>
public static class ActivityGate
{
    /// <summary>The activity, or the reason it is refused.</summary>
    public static (Activity? Activity, string? Error) Check(string body, BotAccess access)
    {
        JObject json;
        try
        {
            json = JToken.Parse(body) as JObject ?? throw new JsonReaderException();
        }
        catch (JsonReaderException)
        {
            return (null, "The request body must be a Bot Framework activity (a JSON object with a type).");
        }

        if (Text(json["type"]) is not { Length: > 0 })
        {
            return (null, "The activity has no type.");
        }

        if (json["conversation"] is not JObject conversation || Text(conversation["id"]) is not { Length: > 0 })
        {
            return (null, "The activity has no conversation.id.");
        }

        if (Text(json["serviceUrl"]) is not { } serviceUrl || !Uri.TryCreate(serviceUrl, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            return (null, "The activity's serviceUrl must be an absolute http(s) address.");
        }

        if (!access.AllowsReplyTo(serviceUrl))
        {
            return (null, "This bot has no app credentials, so it replies only to addresses on this machine (serviceUrl on localhost).");
        }

        if (json["type"]!.ToString() == ActivityTypes.Invoke && (Text(json["name"]) is null || json["value"] is { Type: not (JTokenType.Object or JTokenType.Null) }))
        {
            return (null, "An invoke activity needs a name and an object value.");
        }

        Activity activity;
        try
        {
            activity = json.ToObject<Activity>()!;
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException or FormatException or InvalidCastException)
        {
            return (null, "The activity does not follow the Bot Framework schema" + (ex is JsonException { Message: var m } ? ": " + FirstLine(m) : "."));
        }

        // Conversation state is kept under the channel and the conversation: an activity without a channel has no place.
        return string.IsNullOrEmpty(activity.ChannelId) ? (null, "The activity has no channelId.") : (activity, null);
    }

    private static string? Text(JToken? token) => token is { Type: JTokenType.String } ? (string?)token : null;

    private static string FirstLine(string message) => message.Split('\n')[0].Trim();
}
