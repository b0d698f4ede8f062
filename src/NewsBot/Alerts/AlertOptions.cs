using System.ComponentModel.DataAnnotations;

namespace NewsBot.Alerts;

/// <summary>Followed topics and briefings (section <c>Alerts</c>).</summary>
public sealed class AlertOptions : IValidatableObject
{
    public const string SectionName = "Alerts";

    /// <summary>How often new arrivals are checked against followed topics, and briefings for being due.</summary>
    [Range(1, 3600)]
    public int PollSeconds { get; set; } = 60;

    /// <summary>At most one alert per topic per conversation in this many minutes; what arrives meanwhile is grouped into the next one.</summary>
    [Range(0, 10_080)]
    public int MinimumIntervalMinutes { get; set; } = 60;

    /// <summary>After a failed send to a conversation, the wait before the next try doubles from one poll up to this many minutes.</summary>
    [Range(1, 1440)]
    public int RetryMaxMinutes { get; set; } = 60;

    /// <summary>A conversation whose sends have failed for this many hours is unsubscribed (follows and briefing), logged once.</summary>
    [Range(1, 720)]
    public int GiveUpAfterHours { get; set; } = 24;

    [Range(1, 200)]
    public int MaxTopicsPerConversation { get; set; } = 20;

    [Range(3, 200)]
    public int MaxTopicCharacters { get; set; } = 80;

    /// <summary>The time zone of a briefing's time when the channel does not say the user's own (IANA name, e.g. Europe/London).</summary>
    public string TimeZone { get; set; } = "UTC";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone, out _))
        {
            yield return new ValidationResult($"Alerts:TimeZone '{TimeZone}' is not a known time zone: use an IANA name such as UTC or Europe/London.", [nameof(TimeZone)]);
        }
    }
}
