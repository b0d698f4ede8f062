using System.Globalization;
using System.Text.RegularExpressions;

namespace NewsBot.Answering.Questions;

/// <summary>
/// Reads relative dates ("yesterday", "last week", "in October", "this year", "in the last 3 days") as publication
/// periods counted from today, and "latest", "newest" or "most recent" as a wish for the newest reports.
/// </summary>
public sealed partial class QuestionAnalyzer(TimeProvider time)
{
    private static readonly string[] Months = CultureInfo.InvariantCulture.DateTimeFormat.MonthNames[..12];

    public TimeFrame Analyze(string question)
    {
        var today = new DateTimeOffset(time.GetUtcNow().UtcDateTime.Date, TimeSpan.Zero);
        var tomorrow = today.AddDays(1);
        var text = question.ToLowerInvariant();
        var latest = Latest().IsMatch(text);

        if (Word("today").IsMatch(text))
        {
            return new(today, tomorrow, "today", latest);
        }

        if (Word("yesterday").IsMatch(text))
        {
            return new(today.AddDays(-1), today, "yesterday", latest);
        }

        if (LastDays().Match(text) is { Success: true } days)
        {
            var n = int.Parse(days.Groups["n"].Value, CultureInfo.InvariantCulture);
            return new(today.AddDays(-n), tomorrow, $"the last {n} days", latest);
        }

        if (Word("this week").IsMatch(text))
        {
            var monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
            return new(monday, tomorrow, "this week", latest);
        }

        if (Word("(last|past) week").IsMatch(text))
        {
            return new(today.AddDays(-7), tomorrow, "the past week", latest);
        }

        var firstOfMonth = new DateTimeOffset(today.Year, today.Month, 1, 0, 0, 0, TimeSpan.Zero);
        if (Word("this month").IsMatch(text))
        {
            return new(firstOfMonth, tomorrow, "this month", latest);
        }

        if (Word("last month").IsMatch(text))
        {
            return new(firstOfMonth.AddMonths(-1), firstOfMonth, firstOfMonth.AddMonths(-1).ToString("MMMM yyyy", CultureInfo.InvariantCulture), latest);
        }

        if (MonthName().Match(question) is { Success: true } month)
        {
            var number = Array.FindIndex(Months, m => m.Equals(month.Groups["month"].Value, StringComparison.OrdinalIgnoreCase)) + 1;
            var year = month.Groups["year"].Success
                ? int.Parse(month.Groups["year"].Value, CultureInfo.InvariantCulture)
                : number > today.Month ? today.Year - 1 : today.Year;
            var start = new DateTimeOffset(year, number, 1, 0, 0, 0, TimeSpan.Zero);
            return new(start, start.AddMonths(1), start.ToString("MMMM yyyy", CultureInfo.InvariantCulture), latest, Relative: false);
        }

        if (Word("this year").IsMatch(text))
        {
            return new(new DateTimeOffset(today.Year, 1, 1, 0, 0, 0, TimeSpan.Zero), tomorrow, "this year", latest);
        }

        if (InYear().Match(text) is { Success: true } inYear)
        {
            var year = int.Parse(inYear.Groups["year"].Value, CultureInfo.InvariantCulture);
            return new(new DateTimeOffset(year, 1, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(year + 1, 1, 1, 0, 0, 0, TimeSpan.Zero), year.ToString(CultureInfo.InvariantCulture), latest, Relative: false);
        }

        return latest ? TimeFrame.None with { WantsLatest = true } : TimeFrame.None;
    }

    private static Regex Word(string words) => new($@"\b{words}\b", RegexOptions.CultureInvariant);

    [GeneratedRegex(@"\b(latest|newest|most recent|recently|recent|current|now)\b")]
    private static partial Regex Latest();

    [GeneratedRegex(@"\b(last|past) (?<n>\d{1,3}) days\b")]
    private static partial Regex LastDays();

    // "in October", "in October 2026", "during March"; the month name capitalised, so "may" the verb is not May.
    [GeneratedRegex($@"\b(in|during|of) (?<month>{NewsBot.Core.Text.Dates.MonthNames})(,? (?<year>\d{{4}}))?\b")]
    private static partial Regex MonthName();

    [GeneratedRegex(@"\b(in|during) (?<year>(19|20)\d{2})\b")]
    private static partial Regex InYear();
}
