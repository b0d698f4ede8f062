using System.Globalization;

namespace NewsBot.Testing;

/// <summary>
/// The sample news is written as of 2026-11-28 and its dates move so that day is the day it is read:
/// tests name a sample's written day and get the day it carries today.
/// </summary>
public static class SampleDates
{
    public static readonly DateOnly WrittenAsOf = new(2026, 11, 28);

    /// <summary>The day as <c>2026-11-02</c>.</summary>
    public static string Day(string writtenDay) => Moved(writtenDay).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The day as people read it: <c>2 November 2026</c>.</summary>
    public static string Spoken(string writtenDay) => Moved(writtenDay).ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    private static DateOnly Moved(string writtenDay) =>
        DateOnly.ParseExact(writtenDay, "yyyy-MM-dd", CultureInfo.InvariantCulture)
            .AddDays(DateOnly.FromDateTime(DateTime.UtcNow).DayNumber - WrittenAsOf.DayNumber);
}
