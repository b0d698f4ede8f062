using NewsBot.Core.Articles;
using NewsBot.Core.Chunking;
using NewsBot.Core.Storage;
using Qdrant.Client.Grpc;
using Xunit;

namespace NewsBot.Store.Qdrant.Tests;

/// <summary>The requests NewsBot sends Qdrant, checked against the client's own types without a server.</summary>
public sealed class QdrantRequestTests
{
    private static readonly Article Article = new()
    {
        Id = "tram-1",
        Title = "Tram line approved",
        Body = "The council approved the tram line.",
        Source = "Harbour Times",
        PublishedAt = new DateTimeOffset(2026, 11, 5, 17, 0, 0, TimeSpan.Zero),
        Url = "https://harbour-times.example/tram",
    };

    [Fact]
    public void The_collection_has_a_cosine_dense_vector_and_an_idf_sparse_vector_and_records_the_model()
    {
        var dense = QdrantRequests.DenseVectors(384).Map[QdrantRequests.Dense];
        var sparse = QdrantRequests.SparseVectors().Map[QdrantRequests.Sparse];
        var metadata = QdrantRequests.Metadata(new EmbeddingModelInfo("snowflake-arctic-embed-xs", 384));

        Assert.Equal(384UL, dense.Size);
        Assert.Equal(Distance.Cosine, dense.Distance);
        Assert.Equal(Modifier.Idf, sparse.Modifier);
        Assert.Equal(new EmbeddingModelInfo("snowflake-arctic-embed-xs", 384), QdrantRequests.ModelFrom(metadata));
        Assert.Contains(("published_at", PayloadSchemaType.Datetime), QdrantRequests.PayloadIndexes);
        Assert.Contains(("source_key", PayloadSchemaType.Keyword), QdrantRequests.PayloadIndexes);
        Assert.Contains(("article_id", PayloadSchemaType.Keyword), QdrantRequests.PayloadIndexes);
    }

    [Fact]
    public void Point_ids_are_stable_per_passage_and_distinct_between_passages_and_articles()
    {
        Assert.Equal(QdrantRequests.PassagePointId("tram-1#0"), QdrantRequests.PassagePointId("tram-1#0"));
        Assert.NotEqual(QdrantRequests.PassagePointId("tram-1#0"), QdrantRequests.PassagePointId("tram-1#1"));
        Assert.NotEqual(QdrantRequests.PassagePointId("tram-1"), QdrantRequests.ArticlePointId("tram-1"));
    }

    [Fact]
    public void A_passage_point_carries_both_vectors_and_what_a_citation_needs()
    {
        var passage = new IndexedPassage(new Passage("tram-1#0", "tram-1", 0, "Tram line approved / Harbour Times 2026-11-05\nThe council approved the tram tram line."), new float[] { 0.6f, 0.8f });

        var point = QdrantRequests.PassagePoint(Article, passage);

        Assert.Equal(new[] { 0.6f, 0.8f }, point.Vectors.Vectors_.Vectors[QdrantRequests.Dense].Dense.Data);
        var sparse = point.Vectors.Vectors_.Vectors[QdrantRequests.Sparse].Sparse;
        Assert.Equal(sparse.Indices.Order(), sparse.Indices);
        var tram = sparse.Values[sparse.Indices.ToList().IndexOf(SparseTerms.Index("tram"))];
        var council = sparse.Values[sparse.Indices.ToList().IndexOf(SparseTerms.Index("council"))];
        Assert.True(tram > council && tram < 2.2f, "repeated words weigh more, with saturation");
        Assert.Equal("harbour times", point.Payload["source_key"].StringValue);
        Assert.Equal("2026-11-05T17:00:00Z", point.Payload["published_at"].StringValue);
        Assert.Equal("https://harbour-times.example/tram", point.Payload["url"].StringValue);
    }

    [Fact]
    public void An_undated_article_has_no_publication_time_rather_than_an_empty_one()
    {
        var undated = Article with { PublishedAt = null };
        var passage = new IndexedPassage(new Passage("tram-1#0", "tram-1", 0, "Tram line approved / Harbour Times\nThe council approved the tram line."), new float[] { 0.6f, 0.8f });

        Assert.False(QdrantRequests.ArticlePoint(undated).Payload.ContainsKey("published_at"));
        Assert.False(QdrantRequests.PassagePoint(undated, passage).Payload.ContainsKey("published_at"));
        Assert.Equal("2026-11-05T17:00:00Z", QdrantRequests.ArticlePoint(Article).Payload["published_at"].StringValue);
    }

    [Fact]
    public void Filters_become_keyword_and_datetime_conditions_on_indexed_fields()
    {
        var filter = QdrantRequests.PassageFilter(new SearchFilter
        {
            Sources = ["Harbour Times", "Civic Ledger"],
            From = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero),
            To = new DateTimeOffset(2026, 11, 8, 0, 0, 0, TimeSpan.Zero),
        });

        var conditions = filter.Must.Select(c => c.Field).ToArray();
        Assert.Equal("passage", conditions.Single(c => c.Key == "kind").Match.Keyword);
        Assert.Equal(["harbour times", "civic ledger"], conditions.Single(c => c.Key == "source_key").Match.Keywords.Strings);
        var range = conditions.Single(c => c.Key == "published_at").DatetimeRange;
        Assert.Equal(new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc), range.Gte.ToDateTime());
        Assert.Equal(new DateTime(2026, 11, 8, 0, 0, 0, DateTimeKind.Utc), range.Lt.ToDateTime());
    }

    [Fact]
    public void The_latest_articles_of_an_outlet_are_article_points_under_the_same_conditions()
    {
        var filter = QdrantRequests.Articles(new SearchFilter { Sources = ["Harbour Times"], From = new DateTimeOffset(2026, 11, 27, 0, 0, 0, TimeSpan.Zero) });

        var conditions = filter.Must.Select(c => c.Field).ToArray();
        Assert.Equal("article", conditions.Single(c => c.Key == "kind").Match.Keyword);
        Assert.Equal(["harbour times"], conditions.Single(c => c.Key == "source_key").Match.Keywords.Strings);
        Assert.Equal(new DateTime(2026, 11, 27, 0, 0, 0, DateTimeKind.Utc), conditions.Single(c => c.Key == "published_at").DatetimeRange.Gte.ToDateTime());
    }

    [Fact]
    public void Hybrid_search_prefetches_dense_and_sparse_candidates_under_the_same_filter()
    {
        var prefetch = QdrantRequests.HybridPrefetch(new float[] { 1, 0 }, ["tram", "cost"], new SearchFilter { Sources = ["Harbour Times"] }, 50);

        Assert.Equal([QdrantRequests.Dense, QdrantRequests.Sparse], prefetch.Select(p => p.Using));
        Assert.All(prefetch, p => Assert.Equal(50UL, p.Limit));
        Assert.All(prefetch, p => Assert.Contains(p.Filter.Must, c => c.Field.Key == "source_key"));
        Assert.Equal(2, prefetch[1].Query.Nearest.Sparse.Indices.Count);
    }

    [Fact]
    public void Stale_passages_of_a_shorter_new_version_are_selected_by_index()
    {
        var filter = QdrantRequests.StalePassages("tram-1", keep: 3);

        var idx = filter.Must.Single(c => c.Field.Key == "idx").Field.Range;
        Assert.Equal(3, idx.Gte);
        Assert.Equal("tram-1", filter.Must.Single(c => c.Field.Key == "article_id").Field.Match.Keyword);
    }
}
