namespace NewsBot.Core.Ingestion;

/// <summary>Where a running ingest stands.</summary>
public sealed record IngestProgress(int ArticlesDone, int ArticlesTotal, int PassagesEmbedded, TimeSpan Elapsed)
{
    public double ArticlesPerSecond => Elapsed.TotalSeconds > 0 ? ArticlesDone / Elapsed.TotalSeconds : 0;
}
