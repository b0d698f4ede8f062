namespace NewsBot.DirectLine;

/// <summary>How the web chat page reaches the bot. Section <c>DirectLine</c>.</summary>
public sealed class DirectLineOptions
{
    public const string SectionName = "DirectLine";

    /// <summary>Secret of the Azure Bot's Direct Line channel; empty = this host's own local Direct Line endpoint.</summary>
    public string? Secret { get; set; }

    /// <summary>The Azure Direct Line service, used with <see cref="Secret"/>.</summary>
    public string Domain { get; set; } = "https://directline.botframework.com/v3/directline";
}
