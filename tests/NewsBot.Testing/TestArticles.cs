using NewsBot.Core.Articles;
using NewsBot.Core.Ingestion;

namespace NewsBot.Testing;

/// <summary>Small articles written for tests.</summary>
public static class TestArticles
{
    public static Article Make(string id, string title, string body, string source = "Test Courier", string date = "2026-11-01T09:00:00Z", string? url = null) => new()
    {
        Id = id,
        Title = title,
        Body = body,
        Source = source,
        PublishedAt = DateTimeOffset.Parse(date, System.Globalization.CultureInfo.InvariantCulture),
        Url = url ?? $"https://test-courier.example/{id}",
    };

    public static Article Harbour => Make("harbour-1", "Harbour bridge reopens after repairs",
        "The harbour bridge reopened on Monday after six months of repairs. Engineers replaced the steel cables and repainted the towers. Traffic was light in the morning.",
        source: "Test Courier", date: "2026-11-02T08:00:00Z");

    public static Article Election => Make("election-1", "Mayor wins second term in close election",
        "The mayor won a second term on Sunday with 51 percent of the vote. Turnout was the highest in twenty years. Her rival conceded late at night.",
        source: "Daily Lantern", date: "2026-11-10T20:00:00Z");

    public static Article Orchard => Make("orchard-1", "Apple harvest best in a decade",
        "Orchards in the valley picked their best apple harvest in a decade. Growers credit a mild spring and few storms. Prices at the market fell slightly.",
        source: "Valley Post", date: "2026-10-05T07:00:00Z");

    /// <summary>A long article of numbered sentences, for chunking and crash tests.</summary>
    public static Article Long(string id, int sentences, string source = "Test Courier", string date = "2026-11-01T09:00:00Z") => Make(
        id,
        $"Long report number {id}",
        string.Join(' ', Enumerable.Range(1, sentences).Select(i => $"Sentence {i} of report {id} describes the council meeting in some detail for readers.")),
        source,
        date);

    /// <summary>Ingests articles written for a test as if a reader had read them, without a file in between.</summary>
    public static Task<IngestReport> IngestAsync(this IngestionPipeline pipeline, params Article[] articles) =>
        pipeline.IngestAsync(articles.Select(a => ReadItem.Ok("test:" + a.Id, a)));
}
