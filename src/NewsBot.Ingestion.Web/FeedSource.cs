namespace NewsBot.Ingestion.Web;

/// <summary>A feed and the outlet its stories are filed under (e.g. a feed titled "World news | The Guardian" as "The Guardian").</summary>
public sealed class FeedSource
{
    public string Url { get; set; } = "";

    public string? Outlet { get; set; }
}
