using Grpc.Core;
using Microsoft.Extensions.Options;
using NewsBot.Core.Storage;
using Qdrant.Client.Grpc;
using Xunit;

namespace NewsBot.Store.Qdrant.Tests;

/// <summary>
/// What the Qdrant server (v1.19 source) does differently from what the store used to assume, pinned without a
/// server: query words tokenized like passages, undated articles listed, a limit of 0 never sent, the collection's
/// payload placement chosen, a larger gRPC receive limit, and which failures are retried.
/// </summary>
public sealed class QdrantFaultTests
{
    [Fact]
    public void Keyword_query_words_go_through_the_passage_tokenizer()
    {
        var query = SparseTerms.ForQuery(["Mayor\"", "OR", "the"]);

        Assert.Equal([SparseTerms.Index("mayor")], query.Indices);
        Assert.Equal(SparseTerms.ForPassage("the mayor").Indices, query.Indices);
    }

    [Fact]
    public void Undated_articles_are_asked_for_separately_as_points_without_a_publication_time()
    {
        var filter = QdrantRequests.UndatedArticles(new SearchFilter { Sources = ["Harbour Times"] });

        Assert.Equal("article", filter.Must.Single(c => c.Field?.Key == "kind").Field.Match.Keyword);
        Assert.Equal(["harbour times"], filter.Must.Single(c => c.Field?.Key == "source_key").Field.Match.Keywords.Strings);
        Assert.Equal("published_at", filter.Must.Single(c => c.ConditionOneOfCase == Condition.ConditionOneOfOneofCase.IsEmpty).IsEmpty.Key);
    }

    [Fact]
    public async Task Asking_for_no_latest_articles_sends_nothing_to_the_server()
    {
        using var store = new QdrantNewsStore(Options.Create(new QdrantStoreOptions { Endpoint = "http://127.0.0.1:1", TimeoutSeconds = 2, MaxRetries = 0 }));

        Assert.Empty(await store.GetLatestArticlesAsync(0, SearchFilter.None));
    }

    [Fact]
    public void The_collection_keeps_payloads_on_disk_unless_configured_otherwise()
    {
        var model = new EmbeddingModelInfo("snowflake-arctic-embed-xs", 384);

        var onDisk = QdrantRequests.CreateCollection("news", model, new QdrantStoreOptions().OnDiskPayload);
        var inRam = QdrantRequests.CreateCollection("news", model, onDiskPayload: false);

        Assert.Equal(Memory.Cold, onDisk.Payload.Memory);
#pragma warning disable CS0612
        Assert.True(onDisk.OnDiskPayload);
        Assert.False(inRam.OnDiskPayload);
#pragma warning restore CS0612
        Assert.Equal(Memory.Cached, inRam.Payload.Memory);
        Assert.Equal(384UL, onDisk.VectorsConfig.ParamsMap.Map[QdrantRequests.Dense].Size);
        Assert.Equal(model, QdrantRequests.ModelFrom(onDisk.Metadata));
    }

    [Fact]
    public void The_channel_accepts_responses_far_larger_than_grpcs_default_4_MiB_and_sends_the_api_key()
    {
        var options = QdrantConnection.ChannelOptions(new QdrantStoreOptions());
        var headers = QdrantConnection.WithApiKey([], "secret-key");

        Assert.True(options.MaxReceiveMessageSize >= 64 * 1024 * 1024, $"{options.MaxReceiveMessageSize} bytes");
        Assert.Equal("secret-key", headers.GetValue("api-key"));
    }

    [Theory]
    [InlineData(StatusCode.Unavailable, null, true)]
    [InlineData(StatusCode.DeadlineExceeded, null, true)]
    [InlineData(StatusCode.ResourceExhausted, null, false)]
    [InlineData(StatusCode.ResourceExhausted, "2", true)]
    [InlineData(StatusCode.ResourceExhausted, "3600", false)]
    [InlineData(StatusCode.InvalidArgument, null, false)]
    public void Only_failures_that_may_pass_are_retried(StatusCode code, string? retryAfter, bool retried)
    {
        var trailers = new Metadata();
        if (retryAfter is not null)
        {
            trailers.Add("retry-after", retryAfter);
        }

        var wait = QdrantRetryPolicy.DelayBeforeRetry(new RpcException(new Status(code, "detail"), trailers), attempt: 0);

        Assert.Equal(retried, wait is not null);
        if (retryAfter == "2")
        {
            Assert.Equal(TimeSpan.FromSeconds(2), wait);
        }
    }

    [Fact]
    public void A_response_over_the_receive_limit_is_explained_not_retried()
    {
        var error = new RpcException(new Status(StatusCode.ResourceExhausted, "Received message exceeds the maximum configured message size."));

        Assert.Null(QdrantRetryPolicy.DelayBeforeRetry(error, 0));
        Assert.Contains("VectorStore:Qdrant:MaxReceiveMegabytes", QdrantRetryPolicy.Explain(error, new Uri("http://localhost:6334")), StringComparison.Ordinal);
    }
}
