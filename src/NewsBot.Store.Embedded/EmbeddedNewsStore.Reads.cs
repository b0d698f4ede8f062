using System.Globalization;
using System.Text;
using NewsBot.Core.Articles;
using NewsBot.Core.Embeddings;
using NewsBot.Core.Storage;

namespace NewsBot.Store.Embedded;

public sealed partial class EmbeddedNewsStore
{
    private const string HitColumns = "p.rowid, p.id, p.article_id, a.title, a.source, a.published_at, a.url, p.text, p.sentence_vectors";

    public async Task<string?> GetContentHashAsync(string articleId, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return await ScalarAsync(connection, "SELECT content_hash FROM articles WHERE id = $id", cancellationToken, null, ("$id", articleId));
    }

    public async Task<bool> LacksSentenceVectorsAsync(string articleId, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return await ScalarAsync(connection, "SELECT EXISTS (SELECT 1 FROM passages WHERE article_id = $id AND sentence_vectors IS NULL)", cancellationToken, null, ("$id", articleId)) == "1";
    }

    public async Task<IReadOnlyList<PassageHit>> VectorSearchAsync(ReadOnlyMemory<float> vector, SearchFilter filter, int top, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var snapshot = await _vectors.CurrentAsync(connection, cancellationToken);
        var nearest = snapshot.Search(vector.Span, filter, top, _vectors.Graph, rowIds => StoredVectors.Read(connection, rowIds, snapshot.Dimensions));
        if (nearest.Count == 0)
        {
            return [];
        }

        // A passage deleted since the snapshot was taken is simply left out.
        return await ReadHitsAsync(connection, snapshot.Generation, nearest.Select(n => (n.RowId, (double)n.Score)).ToArray(), cancellationToken);
    }

    public async Task<Article?> GetArticleAsync(string articleId, CancellationToken cancellationToken = default)
    {
        var articles = await QueryArticlesAsync(command =>
        {
            command.Parameters.AddWithValue("$id", articleId);
            return "WHERE id = $id";
        }, cancellationToken);
        return articles.FirstOrDefault();
    }

    public Task<IReadOnlyList<Article>> GetLatestArticlesAsync(int count, SearchFilter filter, CancellationToken cancellationToken = default) =>
        QueryArticlesAsync(command =>
        {
            var conditions = SqlFilter.Conditions(filter, "", command);
            command.Parameters.AddWithValue("$count", count);
            return (conditions.Count == 0 ? "" : "WHERE " + string.Join(" AND ", conditions) + " ") + "ORDER BY published_ticks IS NULL, published_ticks DESC, id LIMIT $count";
        }, cancellationToken);

    public async Task<StoreStats> GetStatsAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT (SELECT COUNT(*) FROM articles), (SELECT COUNT(*) FROM passages),
                   (SELECT COUNT(DISTINCT lower(source)) FROM articles WHERE source IS NOT NULL),
                   (SELECT MIN(published_ticks) FROM articles), (SELECT MAX(published_ticks) FROM articles)
            """;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var stats = new StoreStats(
            reader.GetInt64(0),
            reader.GetInt64(1),
            reader.GetInt32(2),
            reader.IsDBNull(3) ? null : new DateTimeOffset(reader.GetInt64(3), TimeSpan.Zero),
            reader.IsDBNull(4) ? null : new DateTimeOffset(reader.GetInt64(4), TimeSpan.Zero),
            await ReadModelAsync(connection, null, cancellationToken),
            DatabasePath);
        return stats;
    }

    /// <summary>The outlets, read again when any process has written since (the store's generation) or after <see cref="OutletListCache.Lifetime"/>.</summary>
    public async Task<IReadOnlyList<string>> GetSourcesAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var generation = await SqliteSchema.GenerationAsync(connection, cancellationToken);
        return await _outlets.GetAsync(async ct =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT DISTINCT source FROM articles WHERE source IS NOT NULL ORDER BY source";
            var sources = new List<string>();
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                sources.Add(reader.GetString(0));
            }

            return sources;
        }, generation, cancellationToken);
    }

    /// <summary>Articles selected by the clause <paramref name="clause"/> writes (adding its parameters to the command).</summary>
    private async Task<IReadOnlyList<Article>> QueryArticlesAsync(Func<SqliteCommand, string> clause, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT id, title, body, url, source, author, published_at, category, tags FROM articles {clause(command)}";

        var articles = new List<Article>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            articles.Add(new Article
            {
                Id = reader.GetString(0),
                Title = reader.GetString(1),
                Body = reader.GetString(2),
                Url = NullableString(reader, 3),
                Source = NullableString(reader, 4),
                Author = NullableString(reader, 5),
                PublishedAt = ParseDate(NullableString(reader, 6)),
                Category = NullableString(reader, 7),
                Tags = reader.GetString(8).Split('\n', StringSplitOptions.RemoveEmptyEntries),
            });
        }

        return articles;
    }

    /// <summary>A word quoted for FTS5, so it is read as a word and never as query syntax.</summary>
    private static string Quoted(string word) => "\"" + word.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static PassageHit ReadHit(SqliteDataReader reader, double score) => new(
        reader.GetString(1),
        reader.GetString(2),
        reader.GetString(3),
        NullableString(reader, 4),
        ParseDate(NullableString(reader, 5)),
        NullableString(reader, 6),
        reader.GetString(7),
        score)
    {
        Sentences = SentenceVectorsAt(reader, 8),
    };

    private static SentenceVectors? SentenceVectorsAt(SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : SentenceVectors.FromBytes((byte[])reader.GetValue(ordinal));

    private static string? NullableString(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private static DateTimeOffset? ParseDate(string? text) =>
        text is null ? null : DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
}
