using NewsBot.Core.Answering;
using NewsBot.Core.Text;

namespace NewsBot.Answering.Citations;

/// <summary>A cited answer as every channel shows it: the text, then "As of" the newest cited date.</summary>
public static class AnswerText
{
    public static Answer Cited(string question, string text, IReadOnlyList<Citation> citations, string? note = null)
    {
        var asOf = citations.Count == 0 ? null : citations.Max(c => c.PublishedAt);
        text = ListsClosed(text);
        return new Answer(asOf is null ? text : $"{text}\n\nAs of {Dates.Spoken(asOf.Value)}.", citations, false, question, note, asOf);
    }

    /// <summary>
    /// A line of text right after a bullet starts a paragraph of its own: in Markdown (Web Chat, Teams) it would
    /// otherwise continue the last bullet.
    /// </summary>
    public static string ListsClosed(string text)
    {
        var lines = text.Split('\n');
        var closed = new List<string>(lines.Length + 2);
        for (var i = 0; i < lines.Length; i++)
        {
            if (i > 0 && IsBullet(lines[i - 1]) && lines[i].Trim().Length > 0 && !IsBullet(lines[i]))
            {
                closed.Add("");
            }

            closed.Add(lines[i]);
        }

        return string.Join('\n', closed);
    }

    private static bool IsBullet(string line) => line.StartsWith("- ", StringComparison.Ordinal);
}
