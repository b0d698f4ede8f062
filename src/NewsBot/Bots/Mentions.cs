using System.Text.RegularExpressions;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace NewsBot.Bots;

/// <summary>
/// Takes the bot's own @mention out of a message's text (Teams puts "&lt;at&gt;NewsBot&lt;/at&gt;" in front of a question
/// in a channel). Mention entities come from the channel as they are: one without a mentioned account, or of the
/// wrong shape, is passed over, never a failure.
/// </summary>
public static class Mentions
{
    public static string RemoveBotMention(IMessageActivity activity)
    {
        var text = activity.Text ?? "";
        var botId = activity.Recipient?.Id;
        if (string.IsNullOrEmpty(botId) || activity.Entities is null)
        {
            return text;
        }

        foreach (var entity in activity.Entities)
        {
            if (entity?.Type != "mention" || entity.Properties is not { } properties)
            {
                continue;
            }

            var mentioned = properties["mentioned"] as JObject;
            if (mentioned?["id"] is not { Type: JTokenType.String } id || (string?)id != botId || properties["text"] is not { Type: JTokenType.String } mentionText)
            {
                continue;
            }

            var written = (string?)mentionText;
            if (!string.IsNullOrEmpty(written))
            {
                text = Regex.Replace(text, Regex.Escape(written), "", RegexOptions.None, TimeSpan.FromMilliseconds(100));
            }
        }

        return text;
    }
}
