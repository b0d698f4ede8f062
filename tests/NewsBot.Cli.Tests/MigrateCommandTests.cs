using NewsBot.Testing;
using Xunit;

namespace NewsBot.Cli.Tests;

public sealed class MigrateCommandTests(SampleStoreFixture store) : IClassFixture<SampleStoreFixture>
{
    private static readonly string? QdrantEndpoint = Environment.GetEnvironmentVariable("QDRANT_ENDPOINT");

    [Fact]
    public async Task Naming_the_same_store_twice_or_an_unknown_one_is_refused()
    {
        var same = await Cli.RunAsync("migrate", "--from", "Embedded", "--to", "embedded", "--data", store.Data);
        var unknown = await Cli.RunAsync("migrate", "--from", "Embedded", "--to", "Pinecone", "--data", store.Data);

        Assert.Equal(2, same.ExitCode);
        Assert.Contains("the same store", same.Error, StringComparison.Ordinal);
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("'Pinecone' is not a store", unknown.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_target_fails_with_a_clear_error_and_the_source_keeps_everything()
    {
        var (code, _, error) = await Cli.RunAsync("migrate", "--from", "Embedded", "--to", "Qdrant", "--data", store.Data, "--json",
            "--set", "VectorStore:Qdrant:Endpoint=http://127.0.0.1:1", "--set", "VectorStore:Qdrant:MaxRetries=0", "--set", "VectorStore:Qdrant:TimeoutSeconds=3");

        Assert.Equal(3, code);
        Assert.Contains("Qdrant at http://127.0.0.1:1/ did not answer", error, StringComparison.Ordinal);
        Assert.Equal(14, (await Cli.JsonAsync("stats", "--data", store.Data, "--json")).GetProperty("articles").GetInt32());
    }

    [SkippableFact]
    public async Task News_moves_to_Qdrant_and_back_without_embedding_again_and_a_rerun_copies_nothing()
    {
        Skip.If(string.IsNullOrWhiteSpace(QdrantEndpoint), "QDRANT_ENDPOINT is not set: start Qdrant and set it to run this migration against it.");
        using var back = new TempDirectory();
        var collection = "--set=VectorStore:Qdrant:Collection=newsbot_migrate_" + Guid.NewGuid().ToString("N")[..8];
        var endpoint = "--set=VectorStore:Qdrant:Endpoint=" + QdrantEndpoint;

        var there = await Cli.JsonAsync("migrate", "--from", "Embedded", "--to", "Qdrant", "--data", store.Data, "--json", collection, endpoint);
        var again = await Cli.JsonAsync("migrate", "--from", "Embedded", "--to", "Qdrant", "--data", store.Data, "--json", collection, endpoint);
        var home = await Cli.JsonAsync("migrate", "--from", "Qdrant", "--to", "Embedded", "--data", back.Path, "--json", collection, endpoint);
        var answer = await Cli.JsonAsync("search", "Where will NATO open its liaison office?", "--top", "1", "--data", back.Path, "--json");

        Assert.Equal(14, there.GetProperty("copied").GetInt32());
        Assert.Equal(14, again.GetProperty("skipped").GetInt32());
        Assert.Equal(14, home.GetProperty("copied").GetInt32());
        Assert.Equal("nw-2026-11-02-nato-tokyo", answer.GetProperty("results")[0].GetProperty("article_id").GetString());
    }
}
