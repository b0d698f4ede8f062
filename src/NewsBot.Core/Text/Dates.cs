using System.Globalization;

namespace NewsBot.Core.Text;

/// <summary>The one way NewsBot writes a date for a reader: "26 November 2026", short forms of it, and "undated".</summary>
public static class Dates
{
    /// <summary>The months' names, as a regular-expression alternation (capitalised: "may" the verb is not May).</summary>
    public const string MonthNames = "January|February|March|April|May|June|July|August|September|October|November|December";

    /// <summary>"26 November 2026".</summary>
    public static string Spoken(DateTimeOffset date) => date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    /// <summary>"26 November 2026", or <paramref name="unknown"/> when there is no date.</summary>
    public static string Spoken(DateTimeOffset? date, string unknown) => date is { } known ? Spoken(known) : unknown;

    /// <summary>"26 November", when the year goes without saying.</summary>
    public static string DayAndMonth(DateTimeOffset date) => date.ToString("d MMMM", CultureInfo.InvariantCulture);

    /// <summary>"26 Nov 2026", where room is short (a Teams citation's keywords).</summary>
    public static string Short(DateTimeOffset date) => date.ToString("d MMM yyyy", CultureInfo.InvariantCulture);
}
