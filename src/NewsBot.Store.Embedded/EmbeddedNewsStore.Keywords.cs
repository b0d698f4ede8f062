using System.Globalization;
using System.Text;
using NewsBot.Core.Storage;

namespace NewsBot.Store.Embedded;

/// <summary>
/// Keyword search: from the in-memory copy of the full-text index when it is of the store's current generation
/// (<see cref="KeywordIndexCache"/>; the same passages and bm25 scores as FTS5 gives), otherwise in SQLite.
/// </summary>
public sealed partial class EmbeddedNewsStore
{
    /// <summary>Completes when the keyword index read started so far is done.</summary>
    internal Task KeywordIndexing => _keywords.Building;

    /// <summary>The in-memory keyword index last read, whatever its generation.</summary>
    internal KeywordIndex? KeywordIndex => _keywords.Last;

    /// <summary>An existence check on the full-text index: nothing is ranked or read.</summary>
    public async Task<bool> ContainsWordAsync(string word, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(word))
        {
            return false;
        }

        await using var connection = await OpenAsync(cancellationToken);
        if (await KeywordIndexAsync(connection, cancellationToken) is { } index
            && (await _keywords.TokensAsync(connection, [word], cancellationToken))[0] is [var token])
        {
            return index.Contains(token);
        }

        return await ScalarAsync(connection, "SELECT EXISTS (SELECT 1 FROM passages_fts WHERE passages_fts MATCH $match)", cancellationToken, null, ("$match", Quoted(word))) == "1";
    }

    public async Task<IReadOnlyList<PassageHit>> KeywordSearchAsync(IReadOnlyList<string> terms, SearchFilter filter, int top, CancellationToken cancellationToken = default)
    {
        var words = terms.Where(t => !string.IsNullOrWhiteSpace(t)).ToArray();
        if (words.Length == 0 || top <= 0)
        {
            return [];
        }

        await using var connection = await OpenAsync(cancellationToken);
        if (await KeywordIndexAsync(connection, cancellationToken) is { } index)
        {
            var tokens = await _keywords.TokensAsync(connection, words, cancellationToken);

            // A word FTS5 reads as a phrase of several tokens ("covid-19") needs their positions: SQLite ranks that one.
            var snapshot = filter.IsEmpty ? null : await _vectors.CurrentAsync(connection, cancellationToken);
            if (tokens.All(t => t.Length == 1) && (snapshot is null || snapshot.Generation == index.Generation))
            {
                return await ReadHitsAsync(connection, index.Generation, index.Search(tokens.Select(t => t[0]).ToArray(), filter, snapshot, top), cancellationToken);
            }
        }

        await using var command = connection.CreateCommand();
        if (filter.IsEmpty)
        {
            // The best rows ranked on the index alone, then only those read: joining first would read every matching
            // passage's text before the ranking (most of the time of a many-word question).
            command.CommandText = $"""
                SELECT {HitColumns}, f.score
                FROM (SELECT rowid, -bm25(passages_fts) AS score FROM passages_fts WHERE passages_fts MATCH $match ORDER BY bm25(passages_fts) LIMIT $top) f
                JOIN passages p ON p.rowid = f.rowid JOIN articles a ON a.id = p.article_id
                ORDER BY f.score DESC
                """;
        }
        else
        {
            var sql = new StringBuilder($"""
                SELECT {HitColumns}, -bm25(passages_fts) AS score
                FROM passages_fts JOIN passages p ON p.rowid = passages_fts.rowid JOIN articles a ON a.id = p.article_id
                WHERE passages_fts MATCH $match
                """);
            SqlFilter.AppendTo(sql, command, filter, "a.");
            sql.Append(" ORDER BY bm25(passages_fts) LIMIT $top");
            command.CommandText = sql.ToString();
        }

        // Each term quoted, so FTS5 reads it as a word and never as query syntax; any of them may match.
        command.Parameters.AddWithValue("$match", string.Join(" OR ", words.Select(Quoted)));
        command.Parameters.AddWithValue("$top", top);

        var hits = new List<PassageHit>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            hits.Add(ReadHit(reader, reader.GetDouble(9)));
        }

        return hits;
    }

    /// <summary>The in-memory keyword index when it is of the store's current generation.</summary>
    private async Task<KeywordIndex?> KeywordIndexAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        var generation = await SqliteSchema.GenerationAsync(connection, cancellationToken);
        return _keywords.For(generation, async ct =>
        {
            await using var reading = await OpenConnectionAsync(ct);
            return await _keywords.ReadAsync(reading, ct);
        });
    }

    /// <summary>
    /// The passages of <paramref name="ranked"/>, in its order and with its scores (a passage deleted since is left
    /// out): those remembered for <paramref name="generation"/> (<see cref="PassageHitCache"/>), the others read.
    /// </summary>
    private async Task<IReadOnlyList<PassageHit>> ReadHitsAsync(SqliteConnection connection, long generation, IReadOnlyList<(long RowId, double Score)> ranked, CancellationToken cancellationToken)
    {
        if (ranked.Count == 0)
        {
            return [];
        }

        var byRow = _hits.Find(generation, ranked.Select(r => r.RowId));
        var missing = ranked.Select(r => r.RowId).Where(r => !byRow.ContainsKey(r)).ToArray();
        if (missing.Length > 0)
        {
            var read = new Dictionary<long, PassageHit>();
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT {HitColumns} FROM passages p JOIN articles a ON a.id = p.article_id WHERE p.rowid IN ({string.Join(',', missing)})";
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    read[reader.GetInt64(0)] = byRow[reader.GetInt64(0)] = ReadHit(reader, 0);
                }
            }

            _hits.Remember(generation, read);
        }

        return ranked.Where(r => byRow.ContainsKey(r.RowId)).Select(r => byRow[r.RowId] with { Score = r.Score }).ToArray();
    }
}
