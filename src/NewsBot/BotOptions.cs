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
}
