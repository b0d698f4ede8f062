using System.ComponentModel.DataAnnotations;

namespace NewsBot.Security;

/// <summary>How often one client address and one conversation may call the bot. Section <c>RateLimits</c>.</summary>
public sealed class RateLimitOptions
{
    public const string SectionName = "RateLimits";

    /// <summary>False turns rate limiting off (load tests on this machine).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Requests per minute from one client address to /api/messages and the Direct Line endpoints.</summary>
    [Range(1, 1_000_000)]
    public int PerClientPerMinute { get; set; } = 300;

    /// <summary>Messages per minute in one conversation.</summary>
    [Range(1, 100_000)]
    public int PerConversationPerMinute { get; set; } = 30;
}
