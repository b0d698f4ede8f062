using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.ML;
using NewsBot.Core.Search;
using NewsBot.Core.Storage;
using NewsBot.Ranking;
using Xunit;

namespace NewsBot.Core.Tests;

/// <summary>The learned ranker: trained, saved, read back, shipped, and what happens without a usable model.</summary>
public sealed class LearnedRankerTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("newsbot-ranker-").FullName;

    [Fact]
    public void The_shipped_model_reads_and_was_trained_on_the_features_newsbot_computes()
    {
        var model = RankerModel.Load(new MLContext(1), RankingServiceCollectionExtensions.ShippedModel, out var problem);

        Assert.True(model is not null, problem);
        Assert.Equal(RankingFeatures.Names, model.Description.Features);
        Assert.NotNull(model.Description.CrossValidated);
    }

    [Fact]
    public void The_shipped_model_ranks_questions_it_did_not_learn_from_as_well_as_the_readme_says()
    {
        // The figures its folds measured (each question ranked by a model trained on the other folds), as README's
        // ranking table gives them: every gold fact in the top ten for more than 0.58 of the questions.
        var figures = RankerModel.Load(new MLContext(1), RankingServiceCollectionExtensions.ShippedModel, out var problem)?.Description.CrossValidated;

        Assert.True(figures is not null, problem);
        Assert.True(figures["all_at_10"] >= 0.58, $"all@10 {figures["all_at_10"]}");
        Assert.True(figures["map_at_10"] >= 0.49, $"MAP@10 {figures["map_at_10"]}");
        Assert.True(figures["mrr_at_10"] >= 0.85, $"MRR@10 {figures["mrr_at_10"]}");
    }

    [Theory]
    [InlineData(1_200, 20)]
    [InlineData(14_000, 20)]
    [InlineData(70_000, 100)]
    [InlineData(700_000, 1_000)]
    public void A_leaf_of_the_model_stands_for_many_candidates_not_the_few_some_questions_share(int candidates, int leaf)
    {
        Assert.Equal(leaf, RankerTrainer.LeafSize(candidates));
    }

    [Fact]
    public void A_model_trained_on_lists_puts_what_it_learned_is_relevant_first_and_survives_a_save()
    {
        var ml = new MLContext(1);
        var random = new Random(7);
        var groups = Enumerable.Range(0, 60).Select(q => Group(q, random)).ToArray();
        var path = Path.Combine(_directory, "ranker.zip");

        new RankerTrainer(ml).Train(groups, "synthetic").Save(ml, path);
        var ranker = new LearnedRanker(RankerModel.Load(ml, path, out var problem) ?? throw new InvalidOperationException(problem));

        // The candidate holding the question's terms is last in the fused order and first after ranking.
        var candidates = new[] { Candidate("a", "Nothing to see here.", 1), Candidate("b", "Another unrelated line.", 2), Candidate("c", "The Lake Varden water level fell sharply.", 3) };
        var ranked = ranker.Rank(new RankingQuery("How far did the Lake Varden water level fall?", default), candidates);

        Assert.Equal("c", ranked[0].Hit.ArticleId);
        Assert.Equal(3, ranked.Count);
        Assert.True(ranked[0].Hit.Score >= ranked[1].Hit.Score && ranked[1].Hit.Score >= ranked[2].Hit.Score);
    }

    [Fact]
    public void Near_duplicate_passages_of_one_article_make_room_for_a_second_article()
    {
        var articles = new[] { "storm", "storm", "storm", "lake" };
        var scores = new[] { 3.0, 2.9, 2.8, 2.0 };

        int[] far = [0, 4, 8, 0];
        Assert.Equal([0, 1, 2, 3], LearnedRanker.Order(articles, far, [0, 0, 0, 0], scores, new Spread(0, 0, 0)).Order);
        Assert.Equal([0, 3, 1, 2], LearnedRanker.Order(articles, far, [0, 0, 0, 0], scores, new Spread(1, 0, 0)).Order);
        Assert.Equal([0, 3, 1, 2], LearnedRanker.Order(["a", "b", "c", "d"], far, [0, 0, 0, 1], scores, new Spread(0, 1, 0)).Order);
    }

    [Fact]
    public void The_passage_overlapping_one_placed_above_makes_room_for_another_report()
    {
        // Passages 3 and 4 of one article share the words where one ends and the next begins; passage 9 is far away.
        string[] articles = ["storm", "storm", "storm", "lake"];
        int[] positions = [3, 4, 9, 0];
        var scores = new[] { 3.0, 2.9, 2.8, 2.5 };

        var order = LearnedRanker.Order(articles, positions, [0, 0, 0, 0], scores, new Spread(0, 0, 1)).Order;

        Assert.Equal([0, 2, 3, 1], order);
        Assert.Equal([0, 2], LearnedRanker.Order(articles, positions, [0, 0, 0, 0], scores, new Spread(0, 0, 1), limit: 2).Order);
    }

    [Fact]
    public void The_trees_walked_directly_score_every_row_as_the_ml_net_engine_does()
    {
        var ml = new MLContext(1);
        var model = RankerModel.Load(ml, RankingServiceCollectionExtensions.ShippedModel, out var problem) ?? throw new InvalidOperationException(problem);
        var engine = ml.Model.CreatePredictionEngine<RankerRow, RankerRow.Scored>(model.Transformer, inputSchemaDefinition: RankerRow.Schema());
        var random = new Random(3);

        // Rows as searches make them (three stories' candidates) and rows of random values, some on split thresholds.
        var rows = new[] { "How far did the Lake Varden water level fall?", "Who did Northern Wire say led the Harlow council vote?", "Which company did both outlets say bought Quillon Labs?" }
            .SelectMany(q => RankingFeatures.Of(new RankingQuery(q, default), Enumerable.Range(0, 8).Select(i => Candidate("c" + i, i % 2 == 0 ? q : "Unrelated text " + i, i + 1)).ToArray()).Rows)
            .Concat(Enumerable.Range(0, 500).Select(_ => Enumerable.Range(0, RankingFeatures.Names.Count).Select(_ => random.Next(4) == 0 ? MathF.Round((float)random.NextDouble() * 4) / 4 : (float)(random.NextDouble() * 200 - 100)).ToArray()))
            .ToArray();

        var scores = new LearnedRanker(model).Scores(rows);

        Assert.Equal(rows.Select(r => (double)engine.Predict(new RankerRow { Features = r }).Score), scores);
    }

    [Theory]
    [InlineData("missing")]
    [InlineData("damaged")]
    [InlineData("other features")]
    public void Without_a_usable_model_the_search_keeps_the_fused_order_and_says_why(string kind)
    {
        var path = Path.Combine(_directory, "ranker.zip");
        if (kind != "missing")
        {
            File.Copy(RankingServiceCollectionExtensions.ShippedModel, path);
            File.WriteAllText(RankerModel.DescriptionPath(path), File.ReadAllText(RankerModel.DescriptionPath(RankingServiceCollectionExtensions.ShippedModel)));
        }

        if (kind == "damaged")
        {
            File.WriteAllText(path, "not a model");
        }
        else if (kind == "other features")
        {
            File.WriteAllText(RankerModel.DescriptionPath(path), File.ReadAllText(RankerModel.DescriptionPath(path)).Replace("\"fused\"", "\"retired\"", StringComparison.Ordinal));
        }

        var logged = new List<string>();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Search:RankerModel"] = path }).Build();
        using var services = new ServiceCollection()
            .AddLogging(l => l.AddProvider(new ListLogger(logged)))
            .AddNewsBotRanking(configuration)
            .BuildServiceProvider();

        var candidates = new[] { Candidate("a", "First.", 1), Candidate("b", "Second.", 2) };
        var ranked = services.GetRequiredService<IPassageRanker>().Rank(new RankingQuery("Anything?", default), candidates);

        Assert.Equal(["a", "b"], ranked.Select(c => c.Hit.ArticleId));
        Assert.Contains(logged, l => l.Contains(path, StringComparison.Ordinal) && l.Contains("fused order", StringComparison.Ordinal));
    }

    [Fact]
    public void With_Search_Ranker_Fusion_no_ranker_is_registered()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Search:Ranker"] = "Fusion" }).Build();
        using var services = new ServiceCollection().AddNewsBotRanking(configuration).BuildServiceProvider();

        Assert.Null(services.GetService<IPassageRanker>());
    }

    // A list of 20 candidates in which the relevant one holds the question's terms, at a random fused rank.
    private static RankingGroup Group(int question, Random random)
    {
        var relevant = random.Next(20);
        var candidates = Enumerable.Range(0, 20)
            .Select(i => Candidate("q" + question + "-" + i, i == relevant ? "The Lake Varden water level fell sharply." : "Nothing about it here " + i + ".", i + 1))
            .ToArray();
        var (rows, parts) = RankingFeatures.Of(new RankingQuery("How far did the Lake Varden water level fall?", default), candidates);
        return new RankingGroup(question, rows, candidates.Select(c => c.Hit.ArticleId).ToArray(), new int[20], parts,
            Enumerable.Range(0, 20).Select(i => i == relevant ? new[] { 0 } : []).ToArray(), 1);
    }

    private static RankingCandidate Candidate(string id, string text, int rank) =>
        new(new PassageHit(id + "#0", id, "Headline " + id, "Northern Wire", null, null, text, 1.0 / rank), 1.0 / rank, rank, 0.5, rank, 1.0 / rank, rank);

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private sealed class ListLogger(List<string> lines) : Microsoft.Extensions.Logging.ILoggerProvider, Microsoft.Extensions.Logging.ILogger
    {
        public Microsoft.Extensions.Logging.ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(Microsoft.Extensions.Logging.LogLevel logLevel) => true;

        public void Log<TState>(Microsoft.Extensions.Logging.LogLevel logLevel, Microsoft.Extensions.Logging.EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Add(formatter(state, exception));

        public void Dispose()
        {
        }
    }
}
