using Microsoft.Extensions.DependencyInjection;
using NewsBot.Core.Ingestion;
using NewsBot.Core.Search;
using NewsBot.Core.Storage;
using NewsBot.Store.Embedded;
using NewsBot.Testing;
using Xunit;

namespace NewsBot.Core.Tests;

/// <summary>
/// "Which company, reported by A to have …, by B to have …, and by C to have …?": a report of C that names the
/// company but shares no word with the question is found through the name the reports of A and B share.
/// </summary>
public sealed class BridgeSearchTests : IDisposable
{
    private readonly TempDirectory _data = new();
    private readonly TempDirectory _input = new();
    private readonly ServiceProvider _services;

    public BridgeSearchTests()
    {
        _services = TestServices.CoreWithHashEmbeddings(new HashEmbeddingGenerator())
            .AddSingleton<INewsStore>(new EmbeddedNewsStore(_data.Path))
            .AddSingleton<IPassageRanker, FusedOrder>()
            .BuildServiceProvider();
    }

    public static TheoryData<string, string, string, string> Subjects => new()
    {
        { "Harrow Mills", "building a wind farm off Kellmouth", "hiring engineers for its turbines", "sold two old ferries to a buyer abroad" },
        { "Ines Okafor", "praised for balancing the harbour budget", "hiring engineers for the new council depot", "returned to teaching at the music school" },
        { "Port Alder", "where a bridge over the estuary reopened", "hiring engineers for its new tram line", "voted to rename the market square" },
    };

    [Theory]
    [MemberData(nameof(Subjects))]
    public async Task A_report_that_names_the_answer_but_not_the_question_is_found_through_the_name_the_others_share(
        string name, string first, string second, string unmatched)
    {
        var lines = new List<string>
        {
            Line("a-1", $"{name} news", $"Reports say that {name} is {first}, after months of planning.", "Harbour Post"),
            Line("b-1", $"{name} jobs", $"Reports say that {name} is {second}, with twenty posts open.", "Valley Ledger"),
            Line("c-evidence", "Saturday notes", $"On Saturday {name} {unmatched}.", "Coastline Courier"),
        };
        lines.AddRange(Enumerable.Range(0, 20).Select(i => Line($"c-{i}", $"Company notes {i}", Crowding(i), "Coastline Courier")));
        _input.File("feed.jsonl", string.Join('\n', lines));
        await _services.GetRequiredService<IngestionPipeline>().IngestAsync([_input.Path]);

        var question = $"Which one, {first} according to Harbour Post and {second} as Valley Ledger reported, is the company that Coastline Courier wrote about?";
        var hits = await _services.GetRequiredService<NewsSearch>().SearchAsync(question, top: 6);

        Assert.Contains(hits, h => h.ArticleId == "a-1");
        Assert.Contains(hits, h => h.ArticleId == "b-1");
        Assert.Contains(hits, h => h.ArticleId == "c-evidence");
    }

    // Reports of C that share the question's words, each written apart (copies of one text would collapse into one).
    private static string Crowding(int i)
    {
        string[] openings = ["In March", "By Friday", "Late last year", "This week", "Over the summer"];
        string[] firms = ["a company", "one company", "the company", "a family company", "a small company"];
        string[] projects = ["building homes by the river", "building a clinic near the station", "building offices on the hill", "building a depot in the old town", "building a school beside the park"];
        string[] staff = ["hiring drivers", "hiring nurses", "hiring teachers", "hiring cooks", "hiring clerks"];
        return $"{openings[i % 5]} {firms[(i / 5) % 5]} told readers it was {projects[(i + 2) % 5]}. Separately, staff were told it is {staff[(i + 3) % 5]}; {10 + (i * 7)} posts, item {i}.";
    }

    private static string Line(string id, string title, string body, string source) =>
        System.Text.Json.JsonSerializer.Serialize(new { id, title, body, source, published_at = "2026-11-02T08:00:00Z" });

    public void Dispose()
    {
        _services.Dispose();
        _data.Dispose();
        _input.Dispose();
    }

    /// <summary>A ranker that keeps the fused order: what is tested is which passages the search finds.</summary>
    private sealed class FusedOrder : IPassageRanker
    {
        public IReadOnlyList<RankingCandidate> Rank(RankingQuery query, IReadOnlyList<RankingCandidate> candidates) => candidates;
    }
}
