using NewsBot.Testing;
using Xunit;

namespace NewsBot.Tests;

/// <summary>
/// A started bot has answered one question about its newest story before it takes messages, so its first readers do
/// not wait for the code of a turn to compile; with a language model configured, that warm-up never calls the model.
/// </summary>
[Trait("Category", "Slow")] // a separate process or a browser: run apart with --filter Category=Slow
public sealed class WarmUpTests
{
    [Fact]
    public async Task The_bot_answers_a_first_question_before_it_reports_ready()
    {
        await using var bot = await BotProcess.StartAsync();

        Assert.Contains(bot.Log, line => line.Contains("Ready: warmed up in", StringComparison.Ordinal));
    }

    [Fact]
    public async Task With_a_language_model_the_warm_up_calls_no_model()
    {
        await using var model = await FakeChatServer.StartAsync();
        await using var bot = await BotProcess.StartAsync(new Dictionary<string, string>
        {
            ["NEWSBOT_Chat__Provider"] = "OpenAICompatible",
            ["NEWSBOT_Chat__Endpoint"] = model.Endpoint,
            ["NEWSBOT_Chat__Model"] = "test-model",
        });

        Assert.Empty(model.Requests);
        Assert.DoesNotContain(bot.Log, line => line.Contains("Ready: warmed up in", StringComparison.Ordinal));
    }
}
