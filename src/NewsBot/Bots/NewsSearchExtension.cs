using Microsoft.Bot.Schema;
using Microsoft.Bot.Schema.Teams;
using NewsBot.Core.Answering;
using NewsBot.Core.Text;
using NewsBot.Rendering;

namespace NewsBot.Bots;

/// <summary>
/// The Teams search message extension (<c>searchNews</c> in the manifest): from the compose box, search the news and
/// insert a card (headline, outlet, date, lead, link) into any chat or channel.
/// </summary>
public sealed class NewsSearchExtension(INewsOverview overview, Microsoft.Extensions.Options.IOptions<BotOptions> options)
{
    public const string CommandId = "searchNews";

    private const int MaxCards = 10;

    public async Task<MessagingExtensionResponse> QueryAsync(SearchQuery query, CancellationToken cancellationToken)
    {
        var text = UserText.Normalise(query.Text).Trim();
        var max = options.Value.MaxQuestionCharacters;
        if (text.Length > max)
        {
            // Bounded like a question: a very long search is refused before any search runs.
            return new MessagingExtensionResponse
            {
                ComposeExtension = new MessagingExtensionResult { Type = "message", Text = $"Search for something shorter: at most {max:N0} characters." },
            };
        }

        var count = Math.Clamp(query.Count ?? MaxCards, 1, MaxCards);
        var cards = await overview.CardsAsync(query.InitialRun || text.Length == 0 ? null : text, count, cancellationToken);
        return new MessagingExtensionResponse
        {
            ComposeExtension = new MessagingExtensionResult
            {
                Type = "result",
                AttachmentLayout = AttachmentLayoutTypes.List,
                Attachments = cards.Select(Card).ToList(),
            },
        };
    }

    public static MessagingExtensionAttachment Card(NewsCard card)
    {
        var title = CardText.Plain(card.Title);
        var lead = CardText.Plain(card.Lead);
        var byline = string.Join(" · ", new[] { card.Source is null ? null : CardText.Plain(card.Source), (card.PublishedAt is { } published ? Dates.Spoken(published) : null) }.OfType<string>());
        var url = MarkdownSafety.Url(card.Url);
        var buttons = url is null ? [] : new List<CardAction> { new(ActionTypes.OpenUrl, "Read the article", value: url) };
        var hero = new HeroCard(title, byline, lead, buttons: buttons);
        return new MessagingExtensionAttachment(HeroCard.ContentType, url, hero, preview: new ThumbnailCard(title, byline, lead).ToAttachment());
    }
}
