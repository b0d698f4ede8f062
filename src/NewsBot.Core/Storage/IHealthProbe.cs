namespace NewsBot.Core.Storage;

/// <summary>
/// A file or service the bot needs beside the news store (the story index, the bot's state), checked by /healthz
/// with a real read, and a write where the bot writes it. A probe that throws makes the bot report 503 naming its part.
/// </summary>
public interface IHealthProbe
{
    /// <summary>The part's name in /healthz, e.g. "stories" or "state".</summary>
    string Part { get; }

    Task ProbeAsync(CancellationToken cancellationToken);
}
