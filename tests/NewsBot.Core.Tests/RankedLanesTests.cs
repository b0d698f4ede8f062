using Microsoft.Extensions.DependencyInjection;
using NewsBot.Core.Ingestion;
using NewsBot.Core.Search;
using NewsBot.Core.Storage;
using NewsBot.Store.Embedded;
using NewsBot.Testing;
using Xunit;

namespace NewsBot.Core.Tests;

/// <summary>
/// With a ranker, the outlets' lanes are merged by how sure it is of each lane's passages: the report it ranks
/// highest comes first, whichever outlet the question names first, and every named outlet still has a passage in the
/// first round.
/// </summary>
public sealed class RankedLanesTests : IDisposable
{
    private readonly TempDirectory _data = new();

    [Theory]
    [InlineData("the ferry sale")]
    [InlineData("Mara Quist")]
    [InlineData("Oslo")]
    [InlineData("the World Health Organization")]
    public async Task The_report_the_ranker_is_surest_of_comes_first_whichever_outlet_is_named_first(string subject)
    {
        using var embedded = new EmbeddedNewsStore(_data.Path);
        using var services = TestServices.CoreWithHashEmbeddings(new HashEmbeddingGenerator())
            .AddSingleton<INewsStore>(embedded)
            .AddSingleton<IPassageRanker>(new SureOfConfirmed())
            .BuildServiceProvider();
        await services.GetRequiredService<IngestionPipeline>().IngestAsync(
            TestArticles.Make("a-0", "Briefing 0", $"Talk about {subject} was only a rumour, readers heard.", "Harbour Post", "2026-11-02T08:00:00Z"),
            TestArticles.Make("a-1", "Briefing 1", $"News about {subject} was confirmed on Monday, officials said.", "Valley Ledger", "2026-11-02T08:00:00Z"));

        var hits = await services.GetRequiredService<NewsSearch>().SearchAsync($"What did Harbour Post and Valley Ledger report about {subject}?");

        Assert.Equal(["Valley Ledger", "Harbour Post"], hits.Take(2).Select(h => h.Source));
    }

    public void Dispose()
    {
        _data.Dispose();
    }

    /// <summary>A ranker sure of passages that say "confirmed", and unsure of the rest.</summary>
    private sealed class SureOfConfirmed : IPassageRanker
    {
        public IReadOnlyList<RankingCandidate> Rank(RankingQuery query, IReadOnlyList<RankingCandidate> candidates) =>
            candidates.Select(c => c with { Hit = c.Hit with { Score = c.Hit.Text.Contains("confirmed", StringComparison.Ordinal) ? 0.9 : 0.2 } })
                .OrderByDescending(c => c.Hit.Score).ToArray();
    }
}
