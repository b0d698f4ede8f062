using NewsBot.Core.Text;

namespace NewsBot.Core.Chunking;

/// <summary>
/// The sentences of a passage as answers quote them: its text as read back from a store (marker-like text
/// neutralised), without the header line, paragraph by paragraph. Ingest embeds exactly these, in this order, so a
/// sentence's stored vector is found by its position.
/// </summary>
public static class PassageSentences
{
    public static IReadOnlyList<string> Of(string passageText)
    {
        var text = CitationMarkers.Neutralise(passageText);
        return text[(text.IndexOf('\n') + 1)..].Split("\n\n").SelectMany(SentenceSplitter.Split).ToArray();
    }
}
