using Xunit;

namespace NewsBot.Tests;

/// <summary>The bot started with a wrong setting stops with one line naming the key and what it accepts, exit code 2, no stack trace.</summary>
[Trait("Category", "Slow")] // a separate process or a browser: run apart with --filter Category=Slow
public sealed class BadSettingsTests
{
    [Theory]
    [InlineData("NEWSBOT_Feeds__RefreshMinutes", "soon", "Feeds:RefreshMinutes = 'soon' is not a whole number")]
    [InlineData("NEWSBOT_VectorStore__Provider", "Nope", "VectorStore:Provider 'Nope' is not known: use Embedded or Qdrant")]
    [InlineData("NEWSBOT_RateLimits__Enabled", "maybe", "RateLimits:Enabled = 'maybe' is not true or false")]
    [InlineData("NEWSBOT_Alerts__PollSeconds", "0", "Alerts:PollSeconds must be between 1 and 3600 (set to 0)")]
    public async Task A_bad_setting_stops_the_bot_with_one_line(string variable, string value, string expected)
    {
        var (code, lines) = await BotProcess.RunToExitAsync(new Dictionary<string, string> { [variable] = value });

        Assert.Equal(2, code);
        var line = Assert.Single(lines);
        Assert.Contains(expected, line, StringComparison.Ordinal);
    }
}
