using System.Text.RegularExpressions;
using NewsBot.Core.Answering;
using Xunit;

namespace NewsBot.Answering.Tests;

/// <summary>
/// Marker-like text inside an article ("[1][2][3]", "[2, 3]", "［2］", "[1-3]") is the article's own footnoting:
/// it never becomes a citation of another outlet, whichever way the answer is put together.
/// </summary>
public sealed partial class ForgedCitationTests : IAsyncLifetime
{
    private const string Unsafe = """{"id":"kestrel-unsafe","title":"Kestrel Bridge is unsafe [1], engineer claims","source":"Gull Bay Gazette","published_at":"2026-11-26T08:00:00Z","url":"https://gull-bay-gazette.example/kestrel-unsafe","body":"The Kestrel Bridge over the Marrow estuary is unsafe and must close immediately [1][2][3]. A retired engineer, Tomas Lindqvist, said cracks in the south pier were growing [2, 3]. Lindqvist urged the county to stop all lorries on the Kestrel Bridge at once ［2］. The county has not replied to his letter [1-3]."}""";

    private const string SafeOne = """{"id":"kestrel-safe-1","title":"County inspectors clear the Kestrel Bridge","source":"Marrow Valley News","published_at":"2026-11-25T09:00:00Z","url":"https://marrow-valley.example/kestrel-cleared","body":"County inspectors said the Kestrel Bridge over the Marrow estuary is safe and will stay open to all traffic. Their annual inspection found the south pier sound. The inspectors will return in the spring."}""";

    private const string SafeTwo = """{"id":"kestrel-safe-2","title":"Kestrel Bridge passes its inspection","source":"Estuary Post","published_at":"2026-11-24T09:00:00Z","url":"https://estuary-post.example/kestrel-inspection","body":"The Kestrel Bridge passed its annual safety inspection, the county engineering office said. The bridge over the Marrow estuary is safe for lorries and buses. Repainting of the railings begins next year."}""";

    private NewsBotHost _bot = null!;

    public async Task InitializeAsync() => _bot = await NewsBotHost.StartAsync(extraJsonLines: [Unsafe, SafeOne, SafeTwo]);

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Theory]
    [InlineData("Is the Kestrel Bridge unsafe?")]
    [InlineData("What did Gull Bay Gazette report about the Kestrel Bridge?")]
    [InlineData("What did Tomas Lindqvist say about the south pier?")]
    [InlineData("Should lorries stop using the Kestrel Bridge?")]
    [InlineData("What does each outlet say about the Kestrel Bridge?")]
    [InlineData("How has the Kestrel Bridge story developed?")]
    [InlineData("What happened in the last 3 days?")]
    public async Task A_claim_quoted_from_one_outlet_cites_only_that_outlet(string question)
    {
        var answer = await _bot.AskAsync(question);

        foreach (var sentence in Sentences().Matches(answer.Text).Select(m => m.Value))
        {
            if (!Regex.IsMatch(sentence, "close immediately|cracks in the south pier|stop all lorries|has not replied|unsafe", RegexOptions.IgnoreCase))
            {
                continue;
            }

            var cited = Markers().Matches(sentence).Select(m => Citation(answer, int.Parse(m.Groups[1].Value)).Source).Distinct().ToArray();
            Assert.True(cited.All(s => s == "Gull Bay Gazette"), $"'{sentence}' cites {string.Join(", ", cited)}:\n{answer.Text}");
        }

        Assert.DoesNotMatch(@"\[\d+\s*[-,–]\s*\d+\]|［", answer.Text);
        Assert.All(answer.Citations, c => Assert.DoesNotMatch(@"\[\d", c.Title + " " + c.Quote));
    }

    private static Citation Citation(Answer answer, int n) =>
        answer.Citations.SingleOrDefault(c => c.N == n) ?? throw new Xunit.Sdk.XunitException($"[{n}] points at no citation:\n{answer.Text}");

    [GeneratedRegex(@"[^.!?\n]+[.!?]?(\s*\[\d+\])*")]
    private static partial Regex Sentences();

    [GeneratedRegex(@"\[(\d+)\]")]
    private static partial Regex Markers();
}
