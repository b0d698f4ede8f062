using System.Globalization;
using System.Text.RegularExpressions;
using Cronos;

namespace NewsBot.Alerts;

/// <summary>A daily time ("08:00", "7:30", "8am", "6.15 pm") and the next time it falls in a time zone (Cronos, daylight saving included).</summary>
public static partial class BriefingSchedule
{
    /// <summary>The time as HH:mm, or null when it is not a time of day.</summary>
    public static string? ParseTime(string text)
    {
        var match = Time().Match(text.Trim().ToLowerInvariant().Replace("a.m.", "am", StringComparison.Ordinal).Replace("p.m.", "pm", StringComparison.Ordinal));
        if (!match.Success)
        {
            return null;
        }

        var hour = int.Parse(match.Groups["h"].Value, CultureInfo.InvariantCulture);
        var minute = match.Groups["m"].Success ? int.Parse(match.Groups["m"].Value, CultureInfo.InvariantCulture) : 0;
        switch (match.Groups["ampm"].Value)
        {
            case "am" when hour is >= 1 and <= 12:
                hour %= 12;
                break;
            case "pm" when hour is >= 1 and <= 12:
                hour = (hour % 12) + 12;
                break;
            case "am" or "pm":
                return null;
        }

        return hour is >= 0 and <= 23 && minute is >= 0 and <= 59 ? $"{hour:00}:{minute:00}" : null;
    }

    public static DateTimeOffset Next(string localTime, TimeZoneInfo zone, DateTimeOffset after)
    {
        var parts = localTime.Split(':');
        var cron = CronExpression.Parse($"{int.Parse(parts[1], CultureInfo.InvariantCulture)} {int.Parse(parts[0], CultureInfo.InvariantCulture)} * * *");
        return cron.GetNextOccurrence(after, zone) ?? after.AddDays(1);
    }

    /// <summary>The channel's time zone for the user (IANA or Windows id), else the configured one.</summary>
    public static TimeZoneInfo Zone(string? channelZone, string configured) =>
        !string.IsNullOrWhiteSpace(channelZone) && TimeZoneInfo.TryFindSystemTimeZoneById(channelZone, out var zone) ? zone
        : TimeZoneInfo.FindSystemTimeZoneById(configured);

    [GeneratedRegex(@"^(?<h>[0-9]{1,2})(?:[:.h](?<m>[0-9]{2}))?\s*(?<ampm>am|pm)?$")]
    private static partial Regex Time();
}
