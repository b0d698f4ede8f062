using System.ComponentModel.DataAnnotations;

namespace NewsBot;

/// <summary>The chat front end. Section <c>Bot</c>.</summary>
public sealed class BotOptions
{
    public const string SectionName = "Bot";

    /// <summary>On start with an empty store, ingest the sample news so a newcomer can ask at once.</summary>
    public bool SeedSampleNews { get; set; } = true;

    /// <summary>The sample news file, relative to the application folder.</summary>
    [Required]
    public string SampleNewsPath { get; set; } = "samples/news.jsonl";

    /// <summary>Earlier turns of a conversation kept for follow-up questions.</summary>
    [Range(0, 50)]
    public int HistoryTurns { get; set; } = 6;

    /// <summary>Ask Teams to show its thumbs up / down feedback buttons under answers.</summary>
    public bool FeedbackButtons { get; set; } = true;

    /// <summary>
    /// Without app credentials the bot trusts whoever calls it, so it serves this machine only. True lets anonymous
    /// requests in from other machines (a container behind your own gateway): anyone who reaches the port can use it.
    /// </summary>
    public bool AllowAnonymousRemote { get; set; }

    /// <summary>Largest request body accepted on /api/messages.</summary>
    [Range(4, 4096)]
    public int MaxRequestKilobytes { get; set; } = 256;

    /// <summary>Longest question answered; a longer message gets a polite request to shorten it.</summary>
    [Range(20, 20_000)]
    public int MaxQuestionCharacters { get; set; } = 2000;

    /// <summary>Longest feedback comment kept; the rest is cut.</summary>
    [Range(0, 20_000)]
    public int MaxFeedbackCharacters { get; set; } = 1000;

    /// <summary>Conversation state and feedback older than this are deleted (checked hourly).</summary>
    [Range(1, 3650)]
    public int RetentionDays { get; set; } = 30;

    /// <summary>
    /// Turns from /api/messages answered at once; later ones wait in arrival order (<see cref="Hosting.TurnGate"/>).
    /// 0 = automatic: twice the processors when answers are composed here (<c>Chat:Provider</c> None), 256 when a
    /// chat model writes them (a turn then mostly waits on the model).
    /// </summary>
    [Range(0, 4096)]
    public int MaxConcurrentTurns { get; set; }

    /// <summary>Turns waiting at most; a turn beyond them is answered 503 with Retry-After.</summary>
    [Range(0, 100_000)]
    public int MaxQueuedTurns { get; set; } = 1000;

    /// <summary>Key that unlocks the detailed /healthz view (paths, feed addresses, error text); empty = summary only.</summary>
    public string? HealthKey { get; set; }
}
