using Xunit;

namespace NewsBot.Tests;

/// <summary>A test that drives Debian's Chromium; reported as skipped, with the reason, where it is not installed.</summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public const string Chromium = "/usr/bin/chromium";

    public BrowserFactAttribute()
    {
        if (!File.Exists(Chromium))
        {
            Skip = $"{Chromium} is not installed (apt-get install chromium); .ci/run installs it.";
        }
    }
}
