using System.ComponentModel.DataAnnotations;

namespace NewsBot.Core.Chunking;

/// <summary>How articles are cut into passages. Section <c>Chunking</c>.</summary>
public sealed class ChunkingOptions
{
    public const string SectionName = "Chunking";

    /// <summary>A passage is closed once it holds at least this many words and the next sentence would pass the target.</summary>
    [Range(20, 1000)]
    public int MinWords { get; set; } = 120;

    /// <summary>No passage grows past this many words, unless a single sentence is longer.</summary>
    [Range(40, 2000)]
    public int MaxWords { get; set; } = 200;

    /// <summary>Words of the previous passage's closing sentences repeated at the start of the next.</summary>
    [Range(0, 500)]
    public int OverlapWords { get; set; } = 40;

    /// <summary>Hard cap on the passage text the answer step receives, header included.</summary>
    [Range(300, 20000)]
    public int MaxChars { get; set; } = 1500;
}
