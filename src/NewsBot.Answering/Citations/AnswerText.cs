using System.Globalization;
using NewsBot.Core.Answering;

namespace NewsBot.Answering.Citations;

/// <summary>A cited answer as every channel shows it: the text, then "As of" the newest cited date.</summary>
public static class AnswerText
{
    public static Answer Cited(string question, string text, IReadOnlyList<Citation> citations, string? note = null)
    {
        var asOf = citations.Count == 0 ? null : citations.Max(c => c.PublishedAt);
        return new Answer(asOf is null ? text : $"{text}\n\nAs of {asOf.Value.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}.", citations, false, question, note, asOf);
    }
}
