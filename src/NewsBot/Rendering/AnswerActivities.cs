using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Schema;
using NewsBot.Core.Answering;
using NewsBot.Core.Text;
using Newtonsoft.Json.Linq;

namespace NewsBot.Rendering;

/// <summary>
/// An answer as a message for each channel. Teams: the text with [n] markers, the AI label and citation entity, and
/// feedback buttons. Web Chat, the Emulator and others: Markdown whose [n] markers link to the article, followed by
/// a numbered source list, plus the same citation entity.
/// </summary>
public static partial class AnswerActivities
{
    public static IMessageActivity For(Answer answer, string? channelId, bool feedbackButtons, IReadOnlyList<string> suggestions)
    {
        var teams = channelId == Channels.Msteams;
        var text = new StringBuilder(teams ? MarkdownSafety.Answer(answer.Text) : LinkMarkers(answer));
        if (answer.Note is not null)
        {
            text.Append("\n\n_").Append(MarkdownSafety.Answer(answer.Note)).Append('_');
        }

        if (!teams && answer.Citations.Count > 0)
        {
            text.Append("\n\n**Sources**\n");
            foreach (var c in answer.Citations)
            {
                text.Append("\n").Append(c.N.ToString(CultureInfo.InvariantCulture)).Append(". ")
                    .Append(MarkdownSafety.Link(c.Title, c.Url))
                    .Append(" — ").Append(MarkdownSafety.Text(c.Source ?? "unknown outlet"))
                    .Append(c.PublishedAt is { } date ? ", " + Dates.Spoken(date) : "")
                    .Append(c.AlsoReportedBy.Count > 0 ? "; also reported by " + string.Join(", ", c.AlsoReportedBy.Select(MarkdownSafety.Text)) : "");
            }
        }

        var activity = Activity.CreateMessageActivity();
        activity.Text = text.ToString();
        activity.TextFormat = TextFormatTypes.Markdown;
        if (answer.Citations.Count > 0)
        {
            // Also on a reply that declines but cites what the news does say.
            activity.Entities = [CitationEntity.For(answer.Citations)];
        }

        if (!answer.Declined && teams && feedbackButtons)
        {
            activity.ChannelData = new JObject { ["feedbackLoop"] = new JObject { ["type"] = "default" } };
        }

        return Bots.BotReplies.WithSuggestions(activity, suggestions);
    }

    /// <summary>"[1]" becomes a Markdown link to the cited article, so a reader can open it from the sentence.</summary>
    private static string LinkMarkers(Answer answer)
    {
        var urls = answer.Citations.Where(c => MarkdownSafety.Url(c.Url) is not null).ToDictionary(c => c.N, c => MarkdownSafety.Url(c.Url)!);
        return CitationMarkers.InMarkdown.Replace(MarkdownSafety.Answer(answer.Text), m =>
            urls.TryGetValue(int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), out var url) ? $"[{m.Value}]({url})" : m.Value);
    }
}
