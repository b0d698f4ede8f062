using System.Globalization;
using System.Text;
using Microsoft.Bot.Schema;
using NewsBot.Core.Answering;
using NewsBot.Core.Articles;
using NewsBot.Core.Storage;
using NewsBot.Rendering;
using NewsBot.Core.Text;

namespace NewsBot.Bots;

/// <summary>The bot's own messages: welcome, help, the outlets read.</summary>
public static class BotReplies
{
    public const string Help = "help";
    public const string WhatsNew = "what's new";
    public const string Reset = "reset";

    public static IMessageActivity Welcome(NewsSummary summary)
    {
        var (stats, latest) = (summary.Stats, summary.Latest);
        var text = new StringBuilder("Hi, I'm **NewsBot**. Ask me about the news and I'll answer with sources you can open.\n\n");
        text.Append(stats.Articles == 0
            ? "I don't have any articles yet."
            : $"I know {stats.Articles} articles from {stats.Sources} outlets, the newest from {Date(stats.Newest)}.");
        var examples = WelcomeExamples(latest);
        text.Append("\n\nType **help** for what I can do, **what's new** for the latest headlines");
        text.Append(examples.Count == 0 ? "." : ", or ask, for example:\n\n" + string.Join("\n", examples.Select(e => $"- *{e}*")));
        return WithSuggestions(text.ToString(), examples);
    }

    public static IMessageActivity HelpMessage(NewsSummary summary) => WithSuggestions(
        """
        I answer questions about the news I have stored, and every answer cites its sources: each numbered mark links to the article it comes from.

        - Ask about a topic, a person or a place: *Where will NATO open its liaison office?*
        - Say when: *What happened yesterday?*, *... last week*, *... in October*; or ask for *the latest*.
        - Name an outlet: *What did Northern Wire report about the storm?*
        - Follow up: *And what did China say?*
        - **follow** *topic*: an alert here when news about it arrives (**unfollow** *topic*, **following**). **briefing daily 08:00**: the top stories every morning.
        - **what's new**: the latest headlines. **sources**: the outlets I read. **reset**: forget our conversation.
        """,
        Examples(summary.Latest));

    public static IMessageActivity TooLong(int max) =>
        MessageFactory($"That message is too long for me to search with. Please ask in fewer than {max.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)} characters: one question, a few words about what you want to know.");

    public static IMessageActivity Forgotten() => MessageFactory("Done: I've forgotten our conversation. What would you like to know?");

    /// <summary>
    /// The welcome's examples, written in its text as well as offered as buttons (a button is gone after the first
    /// message): a question by period (when the newest article is from the last week) and one by outlet, then the
    /// newest headlines; none without articles.
    /// </summary>
    public static IReadOnlyList<string> WelcomeExamples(IReadOnlyList<Article> latest) =>
        latest.Count == 0 ? []
        : new[]
        {
            latest[0].PublishedAt >= DateTimeOffset.UtcNow.AddDays(-7) ? "What happened in the last 7 days?" : null,
            latest[0].Source is { Length: > 0 } outlet ? $"Any news from {outlet}?" : null,
        }.OfType<string>().Concat(Examples(latest).Take(2)).ToArray();

    /// <summary>Questions drawn from the stored headlines, so they always have an answer.</summary>
    public static IReadOnlyList<string> Examples(IReadOnlyList<Article> latest) =>
        latest.Take(3).Select(a => $"Tell me about: {a.Title}").ToArray();

    public static IMessageActivity WithSuggestions(string text, IReadOnlyList<string> suggestions) => WithSuggestions(MessageFactory(text), suggestions);

    /// <summary>Suggestions as buttons that send their own text as the user's next message.</summary>
    public static IMessageActivity WithSuggestions(IMessageActivity activity, IReadOnlyList<string> suggestions)
    {
        if (suggestions.Count > 0)
        {
            activity.SuggestedActions = new SuggestedActions { Actions = suggestions.Select(s => new CardAction(ActionTypes.ImBack, s, value: s)).ToList() };
        }

        return activity;
    }

    private static IMessageActivity MessageFactory(string text)
    {
        var activity = Activity.CreateMessageActivity();
        activity.Text = text;
        activity.TextFormat = TextFormatTypes.Markdown;
        return activity;
    }

    private static string Date(DateTimeOffset? date) => Dates.Spoken(date, "an unknown date");
}
