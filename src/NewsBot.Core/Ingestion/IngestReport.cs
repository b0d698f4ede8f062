namespace NewsBot.Core.Ingestion;

/// <summary>The summary of one ingest run.</summary>
public sealed record IngestReport(IReadOnlyList<IngestOutcome> Outcomes, int PassagesEmbedded, TimeSpan Elapsed, TimeSpan EmbeddingTime)
{
    public int New => Count(IngestStatus.New);

    /// <summary>Articles whose title or text changed.</summary>
    public int Updated => Outcomes.Count(o => o.Status == IngestStatus.Updated && o.TextChanged);

    /// <summary>Articles stored again with the same title and text, their details changed (outlet, date, author, tags).</summary>
    public int DetailsUpdated => Outcomes.Count(o => o.Status == IngestStatus.Updated && !o.TextChanged);

    public int Unchanged => Count(IngestStatus.Unchanged);

    public int Failed => Count(IngestStatus.Failed);

    /// <summary>True when at least one article is now in the store as the input has it.</summary>
    public bool AnySucceeded => New + Updated + DetailsUpdated + Unchanged > 0;

    public double PassagesPerSecond => Elapsed.TotalSeconds > 0 ? PassagesEmbedded / Elapsed.TotalSeconds : 0;

    /// <summary>Passages per second of the embedding model alone, measured in the same run.</summary>
    public double EmbeddingPassagesPerSecond => EmbeddingTime.TotalSeconds > 0 ? PassagesEmbedded / EmbeddingTime.TotalSeconds : 0;

    private int Count(IngestStatus status) => Outcomes.Count(o => o.Status == status);
}
