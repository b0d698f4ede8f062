using System.ComponentModel.DataAnnotations;

namespace NewsBot.DirectLine;

/// <summary>Limits of the local Direct Line. Section <c>DirectLine:Local</c>.</summary>
public sealed class LocalDirectLineOptions
{
    public const string SectionName = "DirectLine:Local";

    /// <summary>
    /// Null (the default): on when the bot is anonymous and serves this machine only (local development), off
    /// otherwise. True or false decides it outright.
    /// </summary>
    public bool? Enabled { get; set; }

    /// <summary>Lifetime of a token; a token is refreshed before it runs out, and refused after.</summary>
    [Range(1, 1440)]
    public int TokenMinutes { get; set; } = 60;

    /// <summary>Conversations kept at once; beyond this the least recently used is forgotten.</summary>
    [Range(1, 1_000_000)]
    public int MaxConversations { get; set; } = 1000;

    /// <summary>A conversation with no activity for this long is forgotten.</summary>
    [Range(1, 10_080)]
    public int IdleMinutes { get; set; } = 120;

    /// <summary>Activities kept per conversation (the oldest are dropped); also the most one poll returns.</summary>
    [Range(10, 100_000)]
    public int MaxActivities { get; set; } = 200;

    /// <summary>Largest activity a user may post, attachments included.</summary>
    [Range(1, 4096)]
    public int MaxActivityKilobytes { get; set; } = 64;

    /// <summary>Turns answered at the same time; further posts wait their turn.</summary>
    [Range(1, 1024)]
    public int MaxConcurrentTurns { get; set; } = 8;

    /// <summary>Turns waiting at most; a post beyond this is answered 429.</summary>
    [Range(0, 100_000)]
    public int MaxQueuedTurns { get; set; } = 100;
}
