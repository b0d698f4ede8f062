using System.Globalization;
using Microsoft.Bot.Schema;
using Microsoft.Bot.Schema.Teams;
using NewsBot.Core.Answering;

namespace NewsBot.Bots;

/// <summary>
/// The Teams search message extension (<c>searchNews</c> in the manifest): from the compose box, search the news and
/// insert a card (headline, outlet, date, lead, link) into any chat or channel.
/// </summary>
public sealed class NewsSearchExtension(INewsOverview overview)
{
    public const string CommandId = "searchNews";

    private const int MaxCards = 10;

    public async Task<MessagingExtensionResponse> QueryAsync(MessagingExtensionQuery query, CancellationToken cancellationToken)
    {
        var text = query.Parameters?.FirstOrDefault(p => p.Name == "query")?.Value?.ToString();
        var initialRun = query.Parameters?.Any(p => p.Name == "initialRun") == true;
        var count = Math.Clamp(query.QueryOptions?.Count ?? MaxCards, 1, MaxCards);
        var cards = await overview.CardsAsync(initialRun ? null : text, count, cancellationToken);
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
        var byline = string.Join(" · ", new[] { card.Source, card.PublishedAt?.ToString("d MMMM yyyy", CultureInfo.InvariantCulture) }.OfType<string>());
        var buttons = card.Url is null ? [] : new List<CardAction> { new(ActionTypes.OpenUrl, "Read the article", value: card.Url) };
        var hero = new HeroCard(card.Title, byline, card.Lead, buttons: buttons);
        return new MessagingExtensionAttachment(HeroCard.ContentType, card.Url, hero, preview: new ThumbnailCard(card.Title, byline, card.Lead).ToAttachment());
    }
}
