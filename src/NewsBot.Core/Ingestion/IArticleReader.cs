namespace NewsBot.Core.Ingestion;

/// <summary>Reads the articles of one kind of file.</summary>
public interface IArticleReader
{
    /// <summary>File extensions this reader takes, with the dot, lower case.</summary>
    IReadOnlyCollection<string> Extensions { get; }

    /// <summary>One item per article found, in file order; problems come back as failed items, never as exceptions.</summary>
    IAsyncEnumerable<ReadItem> ReadAsync(string path, CancellationToken cancellationToken);
}
