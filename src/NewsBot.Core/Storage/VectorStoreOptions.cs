using System.ComponentModel.DataAnnotations;

namespace NewsBot.Core.Storage;

/// <summary>Where passages and vectors are kept. Section <c>VectorStore</c>.</summary>
public sealed class VectorStoreOptions
{
    public const string SectionName = "VectorStore";

    /// <summary><c>Embedded</c> (default: SQLite files in <see cref="DataDirectory"/>, no server) or <c>Qdrant</c> (section VectorStore:Qdrant).</summary>
    [Required]
    public string Provider { get; set; } = "Embedded";

    /// <summary>Folder of the embedded store (and of the bot's conversation state with either store); empty means the user's local application data folder, under NewsBot.</summary>
    public string? DataDirectory { get; set; }

    /// <summary>
    /// From this many passages the embedded store also keeps an approximate (HNSW) index in memory, built in the
    /// background, and searches its candidates instead of every vector, leaving the float vectors the index holds in
    /// the file (its candidates are re-scored from there); 0 never. Below it, search is exact.
    /// </summary>
    [Range(0, int.MaxValue)]
    public int ApproximateFrom { get; set; } = 1_000_000;

    public string ResolvedDataDirectory => string.IsNullOrWhiteSpace(DataDirectory)
        ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "NewsBot")
        : Path.GetFullPath(DataDirectory);
}
