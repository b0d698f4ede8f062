using Microsoft.Playwright;
using Xunit;

namespace NewsBot.Tests;

/// <summary>The web chat page in a real browser: the official Web Chat bundle, talking to the bot over the host's Direct Line.</summary>
[Trait("Category", "Slow")] // a separate process or a browser: run apart with --filter Category=Slow
public sealed class WebChatBrowserTests
{
    [BrowserFact]
    public async Task A_reader_asks_in_web_chat_and_sees_the_answer_with_its_citation_link()
    {
        await using var bot = await BotProcess.StartAsync();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = BrowserFactAttribute.Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-background-networking", "--disable-gpu", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1000, Height = 900 } });

        await page.GotoAsync(bot.Url + "/");
        await page.Locator("p", new PageLocatorOptions { HasText = "I know 14 articles from 5 outlets" }).First.WaitForAsync(new LocatorWaitForOptions { Timeout = 60_000 });
        var sendBox = page.Locator("[data-id='webchat-sendbox-input']");
        await sendBox.FillAsync("Where will NATO open its liaison office?");
        await sendBox.PressAsync("Enter");

        var citation = page.Locator("a[href='https://northern-wire.example/world/nato-tokyo-liaison-office']").First;
        await citation.WaitForAsync(new LocatorWaitForOptions { Timeout = 60_000 });
        var transcript = await page.Locator("#webchat").InnerTextAsync();
        var screenshot = Path.Combine(AppContext.BaseDirectory, "artifacts", "webchat-answer.png");
        Directory.CreateDirectory(Path.GetDirectoryName(screenshot)!);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = screenshot, FullPage = true });

        Assert.Contains("Tokyo", transcript, StringComparison.Ordinal);
        Assert.Contains("Sources", transcript, StringComparison.Ordinal);
        Assert.True(new FileInfo(screenshot).Length > 10_000);
    }

    [BrowserFact]
    public async Task A_reader_who_follows_a_topic_sees_the_alert_appear_on_the_page()
    {
        await using var bot = await BotProcess.StartAsync(new Dictionary<string, string>
        {
            ["NEWSBOT_Alerts__PollSeconds"] = "1",
            ["NEWSBOT_Alerts__MinimumIntervalMinutes"] = "0",
        });
        using var input = new NewsBot.Testing.TempDirectory();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = BrowserFactAttribute.Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-background-networking", "--disable-gpu", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        var page = await browser.NewPageAsync();
        await page.GotoAsync(bot.Url + "/");
        await page.Locator("p", new PageLocatorOptions { HasText = "I know 14 articles" }).First.WaitForAsync(new LocatorWaitForOptions { Timeout = 60_000 });
        var sendBox = page.Locator("[data-id='webchat-sendbox-input']");
        await sendBox.FillAsync("follow lighthouse museum");
        await sendBox.PressAsync("Enter");
        await page.Locator("p", new PageLocatorOptions { HasText = "Following" }).First.WaitForAsync(new LocatorWaitForOptions { Timeout = 60_000 });

        var news = input.File("museum.jsonl", NewsBot.Testing.WireCopies.Line("lighthouse-museum", "Lighthouse museum to open on the Quayside", "Harbour Times", "2026-11-30T07:00:00Z",
            "A lighthouse museum will open on the Quayside in the old customs house next spring, the city said on Monday."));
        Assert.Equal(0, await CliProcess.RunAsync("ingest", news, "--data", bot.DataDirectory));

        var alertLink = page.Locator("a[href='https://harbour-times.example/lighthouse-museum']").First;
        await alertLink.WaitForAsync(new LocatorWaitForOptions { Timeout = 60_000 });
        Assert.Contains("New on lighthouse museum", await page.Locator("#webchat").InnerTextAsync(), StringComparison.Ordinal);
    }
}
