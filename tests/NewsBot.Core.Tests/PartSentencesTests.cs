using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using NewsBot.Core.Ingestion;
using NewsBot.Core.Search;
using NewsBot.Core.Storage;
using NewsBot.Store.Embedded;
using NewsBot.Testing;
using Xunit;

namespace NewsBot.Core.Tests;

/// <summary>
/// A question of several parts has each part embedded (in one run of the model, beside the question), and each
/// outlet's lane tells the ranker which parts are its own, so the passage whose sentence states the lane's own part
/// ranks first by it, ahead of the same outlet's passage about another part.
/// </summary>
public sealed class PartSentencesTests : IDisposable
{
    private readonly TempDirectory _data = new();

    [Theory]
    [InlineData(
        "What did Harbour Post report about the ferry sale to Nordline, while Valley Ledger reported what about the council vote on parking?",
        "The ferry sale to Nordline closed for forty million crowns.", "The council vote on parking passed by two votes.")]
    [InlineData(
        "What did Harbour Post say about Mara Quist resigning from the board, while Valley Ledger said what about flooding in Oslo?",
        "Mara Quist resigned from the board after nine years.", "Flooding in Oslo closed three schools.")]
    [InlineData(
        "What did Harbour Post report about the World Health Organization review of vaccines, while Valley Ledger reported what about the phrase 'quiet quitting'?",
        "The World Health Organization began a review of vaccines for children.", "The phrase 'quiet quitting' spread among office workers.")]
    public async Task Each_lane_ranks_the_passage_stating_its_own_part_first_by_that_part(string question, string first, string second)
    {
        var embedder = new HashEmbeddingGenerator();
        var ranker = new RecordingRanker();
        using var embedded = new EmbeddedNewsStore(_data.Path);
        using var services = TestServices.CoreWithHashEmbeddings(embedder)
            .AddSingleton<INewsStore>(embedded)
            .AddSingleton<IPassageRanker>(ranker)
            .BuildServiceProvider();
        string[] outlets = ["Harbour Post", "Valley Ledger"];
        await services.GetRequiredService<IngestionPipeline>().IngestAsync([.. outlets.SelectMany((outlet, o) => new[] { first, second }.Select((fact, f) =>
            TestArticles.Make($"a-{o}-{f}", $"Morning briefing {o}{f}", $"{fact} Further details followed.", outlet, "2026-11-02T08:00:00Z")))]);
        var calls = embedder.Calls;

        await services.GetRequiredService<NewsSearch>().SearchAsync(question);

        Assert.Equal(2, embedder.Calls - calls);
        Assert.Equal(outlets, ranker.Lanes.Select(l => l.Candidates[0].Hit.Source).Distinct().Order());
        foreach (var (query, candidates) in ranker.Lanes)
        {
            var outlet = candidates[0].Hit.Source!;
            Assert.Equal(query.Parts.Count, query.PartVectors.Count);
            var own = Assert.Single(query.OwnParts);
            Assert.Contains(outlet, query.Parts[own].Text, StringComparison.Ordinal);

            var rows = RankingFeatures.Of(query, candidates).Rows;
            var rank = RankingFeatures.Names.ToList().IndexOf("own_sentence_rank");
            var stating = outlet == outlets[0] ? first : second;
            var best = candidates.Where((_, i) => rows[i][rank] == 1).ToArray();
            Assert.Contains(stating, Assert.Single(best).Hit.Text, StringComparison.Ordinal);
        }
    }

    public void Dispose()
    {
        _data.Dispose();
    }

    /// <summary>Keeps each lane's query and candidates, leaving their order.</summary>
    private sealed class RecordingRanker : IPassageRanker
    {
        private readonly ConcurrentQueue<(RankingQuery, IReadOnlyList<RankingCandidate>)> _lanes = new();

        public IReadOnlyList<(RankingQuery Query, IReadOnlyList<RankingCandidate> Candidates)> Lanes => [.. _lanes];

        public IReadOnlyList<RankingCandidate> Rank(RankingQuery query, IReadOnlyList<RankingCandidate> candidates)
        {
            _lanes.Enqueue((query, candidates));
            return candidates;
        }
    }
}
