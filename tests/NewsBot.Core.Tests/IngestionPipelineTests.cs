using Microsoft.Extensions.DependencyInjection;
using NewsBot.Core.Ingestion;
using NewsBot.Core.Search;
using NewsBot.Core.Storage;
using NewsBot.Store.Embedded;
using NewsBot.Testing;
using Xunit;

namespace NewsBot.Core.Tests;

public sealed class IngestionPipelineTests : IDisposable
{
    private readonly TempDirectory _data = new();
    private readonly TempDirectory _input = new();
    private readonly HashEmbeddingGenerator _embedder = new();
    private readonly ServiceProvider _services;

    public IngestionPipelineTests()
    {
        _services = TestServices.CoreWithHashEmbeddings(_embedder)
            .AddSingleton<INewsStore>(new EmbeddedNewsStore(_data.Path))
            .BuildServiceProvider();
    }

    private IngestionPipeline Pipeline => _services.GetRequiredService<IngestionPipeline>();

    private INewsStore Store => _services.GetRequiredService<INewsStore>();

    [Fact]
    public async Task A_folder_of_mixed_files_is_ingested_and_every_bad_item_is_named()
    {
        _input.File("feed.jsonl", """
            {"id":"a","title":"Ferry strike ends","body":"The ferry strike ended on Monday.","source":"Alpha News"}
            {"id":"b","title":"Broken
            {"id":"c","title":"Library opens","body":"The new library opened its doors.","source":"Beta Daily"}
            """);
        _input.File("notes/story.md", "---\ntitle: Bridge repaired\nsource: Gamma Gazette\n---\nThe bridge was repaired in a week.\n");
        _input.File("notes/empty.txt", "");
        _input.File("image.png", "not an article");

        var report = await Pipeline.IngestAsync([_input.Path, Path.Combine(_input.Path, "missing.jsonl")]);

        Assert.Equal(3, report.New);
        Assert.Equal(3, report.Failed);
        Assert.Contains(report.Outcomes, o => o.Location.EndsWith("feed.jsonl:2", StringComparison.Ordinal) && o.Error!.Contains("malformed JSON", StringComparison.Ordinal));
        Assert.Contains(report.Outcomes, o => o.Location.EndsWith("empty.txt", StringComparison.Ordinal) && o.Error!.Contains("no title", StringComparison.Ordinal));
        Assert.Contains(report.Outcomes, o => o.Location.EndsWith("missing.jsonl", StringComparison.Ordinal) && o.Error == "no such file or folder");
        Assert.Equal(3, (await Store.GetStatsAsync()).Articles);
    }

    [Fact]
    public async Task Ingesting_again_changes_nothing_and_embeds_nothing()
    {
        var feed = _input.File("feed.jsonl", """{"id":"a","title":"Ferry strike ends","body":"The ferry strike ended on Monday."}""");
        await Pipeline.IngestAsync([feed]);
        var calls = _embedder.Calls;

        var again = await Pipeline.IngestAsync([feed]);

        Assert.Equal(1, again.Unchanged);
        Assert.Equal(0, again.New + again.Updated);
        Assert.Equal(calls, _embedder.Calls);
        Assert.Equal(1, (await Store.GetStatsAsync()).Passages);
    }

    [Fact]
    public async Task An_unchanged_article_stored_without_sentence_vectors_gets_them_on_the_next_ingest_once()
    {
        var feed = _input.File("feed.jsonl", """{"id":"a","title":"Ferry strike ends","body":"The ferry strike ended on Monday. Crews return on Tuesday."}""");
        await Pipeline.IngestAsync([feed]);
        await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(_data.Path, "newsbot.db")};Pooling=False"))
        {
            // As a store written before sentence vectors were kept.
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "UPDATE passages SET sentence_vectors = NULL";
            await command.ExecuteNonQueryAsync();
        }

        Assert.True(await Store.LacksSentenceVectorsAsync("a"));
        var backfill = await Pipeline.IngestAsync([feed]);
        var calls = _embedder.Calls;
        var again = await Pipeline.IngestAsync([feed]);

        Assert.Equal((1, 0, 0), (backfill.Unchanged, backfill.Updated, backfill.New));
        Assert.False(await Store.LacksSentenceVectorsAsync("a"));
        var hit = Assert.Single(await Store.KeywordSearchAsync(["ferry"], SearchFilter.None, 1));
        Assert.Equal(2, hit.Sentences?.Count);
        Assert.Equal(1, again.Unchanged);
        Assert.Equal(calls, _embedder.Calls); // once: the next run embeds nothing
    }

    [Fact]
    public async Task Short_articles_are_embedded_together_and_reported_in_input_order()
    {
        static string Line(int id, string body) => System.Text.Json.JsonSerializer.Serialize(new { id = $"n{id}", title = $"Council item {id}", body });
        var lines = Enumerable.Range(1, 12).Select(i => Line(i, $"The council approved item {i} on Monday.")).ToList();
        lines.Insert(5, Line(2, "The council approved item 2 on Tuesday after a recount."));
        var feed = _input.File("feed.jsonl", string.Join('\n', lines));
        var calls = _embedder.Calls;

        var report = await Pipeline.IngestAsync([feed]);

        Assert.True(_embedder.Calls - calls <= 3, $"{_embedder.Calls - calls} embedding calls for 13 short articles");
        Assert.Equal(Enumerable.Range(1, 13).Select(i => $"feed.jsonl:{i}"), report.Outcomes.Select(o => Path.GetFileName(o.Location)));
        Assert.Equal(IngestStatus.Updated, report.Outcomes[5].Status);
        var hit = Assert.Single(await Store.KeywordSearchAsync(["recount"], SearchFilter.None, 10));
        Assert.Equal("n2", hit.ArticleId);
        Assert.Equal(12, (await Store.GetStatsAsync()).Articles);
    }

    [Fact]
    public async Task A_changed_article_is_updated_in_place()
    {
        var feed = _input.File("feed.jsonl", """{"id":"a","title":"Ferry strike ends","body":"The ferry strike ended on Monday."}""");
        await Pipeline.IngestAsync([feed]);
        File.WriteAllText(feed, """{"id":"a","title":"Ferry strike ends","body":"The ferry strike ended on Tuesday after talks."}""");

        var report = await Pipeline.IngestAsync([feed]);

        Assert.Equal(1, report.Updated);
        var hit = Assert.Single(await Store.KeywordSearchAsync(["ferry"], SearchFilter.None, 10));
        Assert.Contains("Tuesday", hit.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_question_naming_an_outlet_gets_that_outlets_passages_first()
    {
        _input.File("feed.jsonl", """
            {"id":"a","title":"Rates held","body":"The central bank held interest rates at three percent.","source":"Alpha News"}
            {"id":"b","title":"Rates steady","body":"Interest rates stay at three percent, the central bank said.","source":"Beta Daily"}
            """);
        await Pipeline.IngestAsync([_input.Path]);

        var hits = await _services.GetRequiredService<NewsSearch>().SearchAsync("What did Beta Daily say about interest rates?", top: 1);

        Assert.Equal("Beta Daily", Assert.Single(hits).Source);
    }

    public void Dispose()
    {
        _services.Dispose();
        _data.Dispose();
        _input.Dispose();
    }
}
