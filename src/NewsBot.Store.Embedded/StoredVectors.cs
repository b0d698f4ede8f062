using System.Globalization;

namespace NewsBot.Store.Embedded;

/// <summary>Passage vectors and their articles' outlet and date, read from the store's file for <see cref="VectorCache"/>.</summary>
internal static class StoredVectors
{
    /// <summary>Vectors read in one query while a graph is built from the file.</summary>
    public const int Page = 10_000;

    /// <summary>
    /// The passages whose rowid is above <paramref name="afterRowId"/>, in rowid order, with the vectors of those above
    /// <paramref name="holdAbove"/> (the others' vectors are left in the file: a graph holds them). The passages
    /// without vectors are read from the passages' article index, not the passage rows, so a store of millions is
    /// not read whole; outlet names are shared, not held once per passage.
    /// </summary>
    public static async Task<VectorSnapshot> ReadAsync(
        SqliteConnection connection, SqliteTransaction transaction, long generation, long lastDeletion, int dimensions, long afterRowId, long holdAbove, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.Parameters.AddWithValue("$after", afterRowId);
        command.Parameters.AddWithValue("$hold", holdAbove);
        command.CommandText = """
            SELECT (SELECT COUNT(*) FROM passages INDEXED BY passages_article WHERE rowid > $after AND rowid <= $hold),
                   (SELECT COUNT(*) FROM passages WHERE rowid > max($after, $hold))
            """;
        var (released, count) = (0, 0);
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            await reader.ReadAsync(cancellationToken);
            (released, count) = (reader.GetInt32(0), reader.GetInt32(1));
        }

        // Sized once: a store of millions is read without growing lists and copying them.
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        var (rowIds, sources, published) = (new long[released + count], new string?[released + count], new DateTimeOffset?[released + count]);
        var heldFrom = 0;
        if (released > 0)
        {
            command.CommandText = """
                SELECT p.rowid, a.source, a.published_ticks FROM articles a JOIN passages p INDEXED BY passages_article ON p.article_id = a.id
                WHERE p.rowid > $after AND p.rowid <= $hold
                """;
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (heldFrom < released && await reader.ReadAsync(cancellationToken))
            {
                Read(reader, heldFrom++, rowIds, sources, published, names);
            }

            // The index gives them by article: put them in rowid order, outlet and date with them.
            var order = Enumerable.Range(0, heldFrom).ToArray();
            Array.Sort(rowIds, order, 0, heldFrom);
            var (byArticleSources, byArticlePublished) = (sources[..heldFrom], published[..heldFrom]);
            for (var i = 0; i < heldFrom; i++)
            {
                (sources[i], published[i]) = (byArticleSources[order[i]], byArticlePublished[order[i]]);
            }
        }

        var held = new float[(long)count * dimensions];
        var n = heldFrom;
        command.CommandText = "SELECT p.rowid, a.source, a.published_ticks, p.vector FROM passages p JOIN articles a ON a.id = p.article_id WHERE p.rowid > max($after, $hold) ORDER BY p.rowid";
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (n - heldFrom < count && await reader.ReadAsync(cancellationToken))
            {
                VectorBlob.CopyTo((byte[])reader.GetValue(3), held.AsSpan((n - heldFrom) * dimensions, dimensions));
                Read(reader, n++, rowIds, sources, published, names);
            }
        }

        return n == rowIds.Length
            ? new VectorSnapshot(generation, lastDeletion, dimensions, rowIds, held, sources, published, heldFrom)
            : new VectorSnapshot(generation, lastDeletion, dimensions, rowIds[..n], held[..((n - heldFrom) * dimensions)], sources[..n], published[..n], heldFrom);
    }

    /// <summary>The snapshot's passages above <paramref name="afterRowId"/> with their vectors: from memory when held, else read from the file a page at a time.</summary>
    public static IEnumerable<(long RowId, float[] Vector)> Above(VectorSnapshot snapshot, long afterRowId, Func<CancellationToken, Task<SqliteConnection>> open)
    {
        var from = snapshot.FirstAbove(afterRowId);
        if (from >= snapshot.HeldFrom)
        {
            for (var i = from; i < snapshot.Count; i++)
            {
                yield return (snapshot.RowIdAt(i), snapshot.VectorAt(i).ToArray());
            }

            yield break;
        }

        for (var after = afterRowId; ;)
        {
            IReadOnlyList<(long RowId, float[] Vector)> page;
            using (var connection = open(CancellationToken.None).GetAwaiter().GetResult())
            {
                page = ReadPage(connection, after, snapshot.MaxRowId, snapshot.Dimensions);
            }

            foreach (var passage in page)
            {
                yield return passage;
            }

            if (page.Count < Page)
            {
                yield break;
            }

            after = page[^1].RowId;
        }
    }

    /// <summary>The vectors of these passages (rowids); a passage deleted since is missing.</summary>
    public static IReadOnlyDictionary<long, float[]> Read(SqliteConnection connection, IReadOnlyList<long> rowIds, int dimensions)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT rowid, vector FROM passages WHERE rowid IN (SELECT value FROM json_each($ids))";
        command.Parameters.AddWithValue("$ids", "[" + string.Join(',', rowIds.Select(r => r.ToString(CultureInfo.InvariantCulture))) + "]");
        var vectors = new Dictionary<long, float[]>(rowIds.Count);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            vectors[reader.GetInt64(0)] = VectorAt(reader, 1, dimensions);
        }

        return vectors;
    }

    /// <summary>Up to <see cref="Page"/> passages above <paramref name="afterRowId"/> and up to <paramref name="throughRowId"/>, with their vectors, in rowid order.</summary>
    public static IReadOnlyList<(long RowId, float[] Vector)> ReadPage(SqliteConnection connection, long afterRowId, long throughRowId, int dimensions)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT rowid, vector FROM passages WHERE rowid > $after AND rowid <= $through ORDER BY rowid LIMIT $page";
        command.Parameters.AddWithValue("$after", afterRowId);
        command.Parameters.AddWithValue("$through", throughRowId);
        command.Parameters.AddWithValue("$page", Page);
        var page = new List<(long, float[])>(Page);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            page.Add((reader.GetInt64(0), VectorAt(reader, 1, dimensions)));
        }

        return page;
    }

    private static float[] VectorAt(SqliteDataReader reader, int ordinal, int dimensions)
    {
        var vector = new float[dimensions];
        VectorBlob.CopyTo((byte[])reader.GetValue(ordinal), vector);
        return vector;
    }

    private static void Read(SqliteDataReader reader, int at, long[] rowIds, string?[] sources, DateTimeOffset?[] published, Dictionary<string, string> names)
    {
        rowIds[at] = reader.GetInt64(0);
        if (!reader.IsDBNull(1))
        {
            var source = reader.GetString(1);
            sources[at] = names.TryGetValue(source, out var shared) ? shared : names[source] = source;
        }

        published[at] = reader.IsDBNull(2) ? null : new DateTimeOffset(reader.GetInt64(2), TimeSpan.Zero);
    }
}
