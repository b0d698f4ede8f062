using Microsoft.Data.Sqlite;
using NewsBot.Core.Ingestion;
using NewsBot.Core.Stories;

namespace NewsBot.SideData;

/// <summary>Recording articles, and the copies of one text.</summary>
public sealed partial class SqliteStoryIndex
{
    public Task<bool> HoldsAsync(string articleId, string contentHash, CancellationToken cancellationToken = default) =>
        GuardAsync(async () =>
        {
            await using var connection = await OpenAsync(cancellationToken);
            await using var command = Command(connection, null, "SELECT COUNT(*) FROM copies WHERE article_id = $id AND content_hash = $hash AND vector IS NOT NULL", ("$id", articleId), ("$hash", contentHash));
            return (long)(await command.ExecuteScalarAsync(cancellationToken))! > 0;
        });

    public Task<StoryPlacement> AddAsync(StoryEntry entry, CancellationToken cancellationToken = default) =>
        GuardAsync(() => AddOrThrowAsync(entry, cancellationToken));

    public Task RemoveAsync(string articleId, CancellationToken cancellationToken = default) =>
        GuardAsync(async () =>
        {
            await RemoveOrThrowAsync(articleId, cancellationToken);
            return true;
        });

    public Task<IReadOnlyDictionary<string, CopyGroup>> GroupsOfAsync(IReadOnlyCollection<string> articleIds, CancellationToken cancellationToken = default) =>
        GuardAsync(() => GroupsOfOrThrowAsync(articleIds, cancellationToken));

    public Task<StoryCounts> CountAsync(CancellationToken cancellationToken = default) =>
        GuardAsync(async () =>
        {
            await using var connection = await OpenAsync(cancellationToken);
            await using var command = Command(connection, null, "SELECT COUNT(DISTINCT representative_id), COUNT(*) - COUNT(DISTINCT representative_id), COUNT(DISTINCT COALESCE(story_id, article_id)) FROM copies");
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            return new StoryCounts(reader.GetInt32(0), reader.GetInt32(1), reader.GetInt32(2));
        });

    private async Task<StoryPlacement> AddOrThrowAsync(StoryEntry entry, CancellationToken cancellationToken)
    {
        var article = entry.Article;
        var signature = WireCopySignature.Compute(article.Title + "\n" + article.Body);
        var names = StoryNames.Of(article);
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await ExecuteAsync(connection, transaction, "DELETE FROM copies WHERE article_id = $id", cancellationToken, ("$id", article.Id));

        var representative = await RepresentativeAsync(connection, transaction, article.PublishedAt, signature, cancellationToken) ?? article.Id;
        var story = representative != article.Id
            ? await StoryOfAsync(connection, transaction, representative, cancellationToken)
            : await NearestStoryAsync(connection, transaction, entry, names, cancellationToken) ?? article.Id;

        await ExecuteAsync(connection, transaction, """
            INSERT INTO copies (article_id, representative_id, source, published_at, signature, story_id, title, url, content_hash, vector, names)
            VALUES ($id, $representative, $source, $published, $signature, $story, $title, $url, $hash, $vector, $names)
            """, cancellationToken,
            ("$id", article.Id), ("$representative", representative), ("$source", article.Source),
            ("$published", article.PublishedAt?.ToUnixTimeSeconds()), ("$signature", WireCopySignature.ToBytes(signature)),
            ("$story", story), ("$title", article.Title), ("$url", article.Url), ("$hash", article.ContentHash),
            ("$vector", VectorBlob.ToBytes(entry.Vector)), ("$names", StoryNames.Join(names)));

        if (entry.IsNews)
        {
            await RecordArrivalAsync(connection, transaction, entry, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return new StoryPlacement(representative, story);
    }

    /// <summary>The representative of the recorded text this one is a copy of, if any.</summary>
    private static async Task<string?> RepresentativeAsync(SqliteConnection connection, SqliteTransaction transaction, DateTimeOffset? publishedAt, ulong[] signature, CancellationToken cancellationToken)
    {
        string? representative = null;
        var best = WireCopySignature.CopyThreshold;
        var at = publishedAt?.ToUnixTimeSeconds();
        await using var command = Command(connection, transaction, """
            SELECT representative_id, signature FROM copies
            WHERE $at IS NULL OR published_at IS NULL OR published_at BETWEEN $from AND $to
            """, ("$at", at), ("$from", at - (WindowDays * 86_400)), ("$to", at + (WindowDays * 86_400)));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var similarity = WireCopySignature.Similarity(signature, WireCopySignature.FromBytes((byte[])reader["signature"]));
            if (similarity >= best)
            {
                (best, representative) = (similarity, reader.GetString(0));
            }
        }

        return representative;
    }

    private async Task RemoveOrThrowAsync(string articleId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await ExecuteAsync(connection, transaction, "DELETE FROM copies WHERE article_id = $id", cancellationToken, ("$id", articleId));

        // The next copy of a removed representative's text represents it now.
        await ExecuteAsync(connection, transaction, """
            UPDATE copies SET representative_id = (
                SELECT MIN(article_id) FROM copies AS c WHERE c.representative_id = $id)
            WHERE representative_id = $id
            """, cancellationToken, ("$id", articleId));
        await ExecuteAsync(connection, transaction, "DELETE FROM versions WHERE article_id = $id", cancellationToken, ("$id", articleId));
        await transaction.CommitAsync(cancellationToken);
    }

    private async Task<IReadOnlyDictionary<string, CopyGroup>> GroupsOfOrThrowAsync(IReadOnlyCollection<string> articleIds, CancellationToken cancellationToken)
    {
        var groups = new Dictionary<string, CopyGroup>(StringComparer.Ordinal);
        if (articleIds.Count == 0)
        {
            return groups;
        }

        var (list, parameters) = IdList(articleIds);
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, null, $"""
            SELECT m.article_id, c.article_id, c.source, c.published_at, c.representative_id
            FROM copies AS m JOIN copies AS c ON c.representative_id = m.representative_id
            WHERE m.article_id IN ({list})
            ORDER BY m.article_id, c.article_id = c.representative_id DESC, c.published_at
            """, parameters);
        var rows = new List<(string Member, CopyOf Copy, string Representative)>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                rows.Add((reader.GetString(0), new CopyOf(reader.GetString(1), Text(reader, 2), Date(reader, 3)), reader.GetString(4)));
            }
        }

        foreach (var member in rows.GroupBy(r => r.Member))
        {
            groups[member.Key] = new CopyGroup(member.First().Representative, member.Select(r => r.Copy).ToArray());
        }

        return groups;
    }
}
