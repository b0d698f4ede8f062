using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace NewsBot.Core.Telemetry;

/// <summary>
/// NewsBot's own traces and metrics, on the .NET diagnostics types OpenTelemetry listens to: a span per answering
/// step (understand, retrieve, draft, verify) under the turn, and counters and histograms for turns, declines,
/// model fallbacks, ingest and feed errors. Nothing is recorded unless a listener (the host's OpenTelemetry) is on.
/// </summary>
public static class NewsBotTelemetry
{
    public const string Name = "NewsBot";

    public static readonly ActivitySource Source = new(Name);

    public static readonly Meter Meter = new(Name);

    public static readonly Counter<long> Turns = Meter.CreateCounter<long>("newsbot.turns", description: "Questions answered (or declined)");

    public static readonly Histogram<double> TurnDuration = Meter.CreateHistogram<double>("newsbot.turn.duration", unit: "ms", description: "Time from question to answer");

    public static readonly Counter<long> Declines = Meter.CreateCounter<long>("newsbot.declines", description: "Questions declined: nothing in the news answers them");

    public static readonly Counter<long> ModelFallbacks = Meter.CreateCounter<long>("newsbot.model.fallbacks", description: "Answers quoted from the sources because the language model did not answer");

    public static readonly Counter<long> IngestedPassages = Meter.CreateCounter<long>("newsbot.ingest.passages", description: "Passages embedded and stored");

    public static readonly Histogram<double> IngestRate = Meter.CreateHistogram<double>("newsbot.ingest.rate", unit: "{passage}/s", description: "Passages stored per second, per ingest run");

    public static readonly Counter<long> FeedErrors = Meter.CreateCounter<long>("newsbot.feed.errors", description: "Feed items or feeds that could not be stored");

    /// <summary>A span for one step, child of the current one (null when nobody listens).</summary>
    public static Activity? Step(string name) => Source.StartActivity(name);
}
