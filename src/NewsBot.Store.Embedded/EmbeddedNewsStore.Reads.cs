using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using NewsBot.Core.Articles;
using NewsBot.Core.Storage;

namespace NewsBot.Store.Embedded;

public sealed partial class EmbeddedNewsStore
{
    private const string HitColumns = "p.rowid, p.id, p.article_id, a.title, a.source, a.published_at, a.url, p.text";

    public async Task<string?> GetContentHashAsync(string articleId, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return await ScalarAsync(connection, "SELECT content_hash FROM articles WHERE id = $id", cancellationToken, null, ("$id", articleId));
    }

    public async Task<IReadOnlyList<PassageHit>> KeywordSearchAsync(IReadOnlyList<string> terms, SearchFilter filter, int top, CancellationToken cancellationToken = default)
    {
        var words = terms.Where(t => !string.IsNullOrWhiteSpace(t)).ToArray();
        if (words.Length == 0 || top <= 0)
        {
            return [];
        }

        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        var sql = new StringBuilder($"""
            SELECT {HitColumns}, -bm25(passages_fts) AS score
            FROM passages_fts JOIN passages p ON p.rowid = passages_fts.rowid JOIN articles a ON a.id = p.article_id
            WHERE passages_fts MATCH $match
            """);
        AppendFilter(sql, command, filter);
        sql.Append(" ORDER BY bm25(passages_fts) LIMIT $top");
        command.CommandText = sql.ToString();
        // Each term quoted, so FTS5 reads it as a word and never as query syntax; any of them may match.
        command.Parameters.AddWithValue("$match", string.Join(" OR ", words.Select(w => "\"" + w.Replace("\"", "\"\"") + "\"")));
        command.Parameters.AddWithValue("$top", top);

        var hits = new List<PassageHit>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            hits.Add(ReadHit(reader, reader.GetDouble(8)));
        }

        return hits;
    }

    public async Task<IReadOnlyList<PassageHit>> VectorSearchAsync(ReadOnlyMemory<float> vector, SearchFilter filter, int top, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var snapshot = await CurrentSnapshotAsync(connection, cancellationToken);
        var nearest = snapshot.Search(vector.Span, filter, top);
        if (nearest.Count == 0)
        {
            return [];
        }

        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {HitColumns} FROM passages p JOIN articles a ON a.id = p.article_id WHERE p.rowid IN ({string.Join(',', nearest.Select(n => n.RowId))})";
        var byRow = new Dictionary<long, PassageHit>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                byRow[reader.GetInt64(0)] = ReadHit(reader, 0);
            }
        }

        // A passage deleted since the snapshot was taken is simply left out.
        return nearest.Where(n => byRow.ContainsKey(n.RowId)).Select(n => byRow[n.RowId] with { Score = n.Score }).ToArray();
    }

    public async Task<Article?> GetArticleAsync(string articleId, CancellationToken cancellationToken = default)
    {
        var articles = await QueryArticlesAsync("WHERE id = $id", cancellationToken, ("$id", articleId));
        return articles.FirstOrDefault();
    }

    public Task<IReadOnlyList<Article>> GetLatestArticlesAsync(int count, SearchFilter filter, CancellationToken cancellationToken = default)
    {
        var conditions = new List<string>();
        var parameters = new List<(string, object)> { ("$count", count) };
        if (filter.Sources.Count > 0)
        {
            conditions.Add($"lower(source) IN ({string.Join(", ", filter.Sources.Select((_, i) => "$s" + i))})");
            parameters.AddRange(filter.Sources.Select((s, i) => ("$s" + i, (object)s.ToLowerInvariant())));
        }

        if (filter.From is { } from)
        {
            conditions.Add("published_ticks >= $from");
            parameters.Add(("$from", from.UtcTicks));
        }

        if (filter.To is { } to)
        {
            conditions.Add("published_ticks < $to");
            parameters.Add(("$to", to.UtcTicks));
        }

        var where = conditions.Count == 0 ? "" : "WHERE " + string.Join(" AND ", conditions) + " ";
        return QueryArticlesAsync(where + "ORDER BY published_ticks IS NULL, published_ticks DESC, id LIMIT $count", cancellationToken, [.. parameters]);
    }

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

    public async Task<IReadOnlyList<string>> GetSourcesAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT DISTINCT source FROM articles WHERE source IS NOT NULL ORDER BY source";
        var sources = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            sources.Add(reader.GetString(0));
        }

        return sources;
    }

    public async IAsyncEnumerable<StoredArticle> ExportAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var model = await ReadModelAsync(connection, null, cancellationToken);
        if (model is null)
        {
            yield break;
        }

        var ids = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT id FROM articles ORDER BY id";
            await using var reader = await list.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                ids.Add(reader.GetString(0));
            }
        }

        foreach (var id in ids)
        {
            var article = await GetArticleAsync(id, cancellationToken);
            if (article is null)
            {
                continue; // Deleted meanwhile.
            }

            var passages = new List<IndexedPassage>();
            await using (var command = connection.CreateCommand())
            {
                command.CommandText = "SELECT id, idx, text, vector FROM passages WHERE article_id = $id ORDER BY idx";
                command.Parameters.AddWithValue("$id", id);
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    var vector = new float[model.Dimensions];
                    VectorBlob.CopyTo((byte[])reader.GetValue(3), vector);
                    passages.Add(new IndexedPassage(new NewsBot.Core.Chunking.Passage(reader.GetString(0), id, reader.GetInt32(1), reader.GetString(2)), vector));
                }
            }

            yield return new StoredArticle(article, passages, model);
        }
    }

    private async Task<IReadOnlyList<Article>> QueryArticlesAsync(string clause, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT id, title, body, url, source, author, published_at, category, tags FROM articles {clause}";
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

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

    /// <summary>The in-memory vectors, reloaded when any process has written since they were read.</summary>
    private async Task<VectorSnapshot> CurrentSnapshotAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        var generation = long.Parse(await ScalarAsync(connection, "SELECT value FROM meta WHERE key = 'generation'", cancellationToken) ?? "0", CultureInfo.InvariantCulture);
        if (_snapshot.Generation == generation)
        {
            return _snapshot;
        }

        await _snapshotLock.WaitAsync(cancellationToken);
        try
        {
            if (_snapshot.Generation != generation)
            {
                _snapshot = await LoadSnapshotAsync(connection, cancellationToken);
            }

            return _snapshot;
        }
        finally
        {
            _snapshotLock.Release();
        }
    }

    /// <summary>
    /// The vectors of the store as it is now: the passages and deletions newer than the current snapshot applied to
    /// it, or, for a first read or a snapshot older than the deletions kept, every vector read again.
    /// </summary>
    private async Task<VectorSnapshot> LoadSnapshotAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        // One read transaction, so the generation, the deletions and the rows belong together.
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        var generation = long.Parse(await ScalarAsync(connection, "SELECT value FROM meta WHERE key = 'generation'", cancellationToken, transaction) ?? "0", CultureInfo.InvariantCulture);
        var dimensions = int.Parse(await ScalarAsync(connection, "SELECT value FROM meta WHERE key = 'embedding_dimensions'", cancellationToken, transaction) ?? "0", CultureInfo.InvariantCulture);
        var lastDeletion = long.Parse(await ScalarAsync(connection, "SELECT COALESCE(MAX(seq), 0) FROM passage_deletions", cancellationToken, transaction) ?? "0", CultureInfo.InvariantCulture);
        var forgotten = long.Parse(await ScalarAsync(connection, "SELECT value FROM meta WHERE key = 'deletions_forgotten_through'", cancellationToken, transaction) ?? "0", CultureInfo.InvariantCulture);

        var current = _snapshot;
        if (current.IsEmpty || current.Dimensions != dimensions || current.LastDeletion < forgotten)
        {
            return await ReadVectorsAsync(connection, transaction, generation, lastDeletion, dimensions, 0, cancellationToken);
        }

        var deleted = new HashSet<long>();
        await using (var command = connection.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = "SELECT passage_rowid FROM passage_deletions WHERE seq > $seen";
            command.Parameters.AddWithValue("$seen", current.LastDeletion);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                deleted.Add(reader.GetInt64(0));
            }
        }

        var added = await ReadVectorsAsync(connection, transaction, generation, lastDeletion, dimensions, current.MaxRowId, cancellationToken);
        return current.CatchUp(generation, lastDeletion, deleted, added);
    }

    /// <summary>The vectors of the passages whose rowid is above <paramref name="afterRowId"/>, in rowid order.</summary>
    private static async Task<VectorSnapshot> ReadVectorsAsync(
        SqliteConnection connection, SqliteTransaction transaction, long generation, long lastDeletion, int dimensions, long afterRowId, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.Parameters.AddWithValue("$after", afterRowId);
        command.CommandText = "SELECT COUNT(*) FROM passages WHERE rowid > $after";
        var count = Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);

        var rowIds = new long[count];
        var vectors = new float[count * dimensions];
        var sources = new string?[count];
        var published = new DateTimeOffset?[count];
        command.CommandText = "SELECT p.rowid, p.vector, a.source, a.published_ticks FROM passages p JOIN articles a ON a.id = p.article_id WHERE p.rowid > $after ORDER BY p.rowid";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var i = 0;
        while (i < count && await reader.ReadAsync(cancellationToken))
        {
            rowIds[i] = reader.GetInt64(0);
            VectorBlob.CopyTo((byte[])reader.GetValue(1), vectors.AsSpan(i * dimensions, dimensions));
            sources[i] = NullableString(reader, 2);
            published[i] = reader.IsDBNull(3) ? null : new DateTimeOffset(reader.GetInt64(3), TimeSpan.Zero);
            i++;
        }

        return new VectorSnapshot(generation, lastDeletion, dimensions, rowIds, vectors, sources, published);
    }

    private static void AppendFilter(StringBuilder sql, SqliteCommand command, SearchFilter filter)
    {
        if (filter.Sources.Count > 0)
        {
            var names = filter.Sources.Select((_, i) => "$source" + i.ToString(CultureInfo.InvariantCulture)).ToArray();
            sql.Append($" AND lower(a.source) IN ({string.Join(", ", names)})");
            for (var i = 0; i < names.Length; i++)
            {
                command.Parameters.AddWithValue(names[i], filter.Sources[i].ToLowerInvariant());
            }
        }

        if (filter.From is { } from)
        {
            sql.Append(" AND a.published_ticks >= $from");
            command.Parameters.AddWithValue("$from", from.UtcTicks);
        }

        if (filter.To is { } to)
        {
            sql.Append(" AND a.published_ticks < $to");
            command.Parameters.AddWithValue("$to", to.UtcTicks);
        }
    }

    private static PassageHit ReadHit(SqliteDataReader reader, double score) => new(
        reader.GetString(1),
        reader.GetString(2),
        reader.GetString(3),
        NullableString(reader, 4),
        ParseDate(NullableString(reader, 5)),
        NullableString(reader, 6),
        reader.GetString(7),
        score);

    private static string? NullableString(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private static DateTimeOffset? ParseDate(string? text) =>
        text is null ? null : DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
}
