namespace NewsBot.Testing;

/// <summary>One wire story run by three outlets with light edits, and a report of the same event written apart. Written for the tests.</summary>
public static class WireCopies
{
    public const string Wire = "A freight train carrying grain left the tracks near the village of Ostrel early on Thursday, blocking the main line between Harbour City and the north for most of the day. Nobody was hurt, the rail operator said, but eleven wagons overturned and spilled their load across both tracks. Engineers expected to reopen one track by the evening and the second on Friday morning. Passenger trains were replaced by buses between Ostrel and Millbrook, adding about forty minutes to the journey. The operator said it was too early to say what caused the derailment and that investigators from the national rail safety board were on site.";

    public const string Apart = "Grain lay heaped beside the line at Ostrel on Thursday as crews worked to lift overturned wagons back onto the rails. Commuters from Millbrook said the replacement buses were crowded and slow. Local councillors called for an inquiry into the state of the track, which they said had not been renewed in twenty years.";

    public static string Line(string id, string title, string source, string published, string body) =>
        System.Text.Json.JsonSerializer.Serialize(new { id, title, source, published_at = published, url = $"https://{source.ToLowerInvariant().Replace(' ', '-')}.example/{id}", body });

    /// <summary>The three copies, the report written apart, as JSON lines.</summary>
    public static string[] Lines() =>
    [
        Line("wire-harbour", "Freight train derails near Ostrel, main line blocked", "Harbour Times", "2026-11-26T07:00:00Z", Wire),
        Line("wire-valley", "Grain train comes off the rails at Ostrel", "Valley Courier", "2026-11-26T08:30:00Z",
            "By our rail correspondent. " + Wire.Replace("early on Thursday", "on Thursday morning", StringComparison.Ordinal)),
        Line("wire-alpine", "Ostrel derailment blocks northern line", "Alpine Courier", "2026-11-26T09:10:00Z",
            Wire.Replace(" Passenger trains were replaced by buses between Ostrel and Millbrook, adding about forty minutes to the journey.", "", StringComparison.Ordinal)),
        Line("ostrel-scene", "At Ostrel, crews lift wagons as commuters wait", "Metro Signal", "2026-11-26T15:00:00Z", Apart),
    ];
}
