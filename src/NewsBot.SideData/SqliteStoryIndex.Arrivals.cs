using Microsoft.Data.Sqlite;
using NewsBot.Core.Articles;
using NewsBot.Core.Ingestion;
using NewsBot.Core.Stories;

namespace NewsBot.SideData;

/// <summary>Arrivals (what came in, in order, for alerts and briefings) and the versions an update replaced.</summary>
public sealed partial class SqliteStoryIndex
{
    public Task<IReadOnlyList<Arrival>> ArrivalsAfterAsync(long sequence, int max, CancellationToken cancellationToken = default) =>
        ReadArrivalsAsync("WHERE a.sequence > $after ORDER BY a.sequence LIMIT $max", ("$after", sequence), max, cancellationToken);

    public async Task<IReadOnlyList<Arrival>> ArrivalsSinceAsync(DateTimeOffset recordedAt, int max, CancellationToken cancellationToken = default) =>
        (await ReadArrivalsAsync("WHERE a.recorded_at >= $since ORDER BY a.sequence DESC LIMIT $max", ("$since", recordedAt.ToUnixTimeSeconds()), max, cancellationToken)).Reverse().ToArray();

    private Task<IReadOnlyList<Arrival>> ReadArrivalsAsync(string where, (string, object?) bound, int max, CancellationToken cancellationToken) =>
        GuardAsync(async () =>
        {
            await using var connection = await OpenAsync(cancellationToken);
            await using var command = Command(connection, null, $"""
                SELECT a.sequence, a.article_id, COALESCE(c.title, ''), c.source, c.published_at, c.url, a.updated, a.recorded_at
                FROM arrivals AS a JOIN copies AS c ON c.article_id = a.article_id
                {where}
                """, bound, ("$max", max));
            var arrivals = new List<Arrival>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                arrivals.Add(new Arrival(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), Text(reader, 3), Date(reader, 4), Text(reader, 5), reader.GetInt64(6) != 0, DateTimeOffset.FromUnixTimeSeconds(reader.GetInt64(7))));
            }

            return (IReadOnlyList<Arrival>)arrivals;
        });

    public Task<long> LastArrivalAsync(CancellationToken cancellationToken = default) =>
        GuardAsync(async () =>
        {
            await using var connection = await OpenAsync(cancellationToken);
            await using var command = Command(connection, null, "SELECT COALESCE(MAX(sequence), 0) FROM arrivals");
            return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
        });

    public Task<IReadOnlyDictionary<string, IReadOnlyList<ArticleVersion>>> HistoryOfAsync(IReadOnlyCollection<string> articleIds, CancellationToken cancellationToken = default) =>
        GuardAsync(async () =>
        {
            var history = new Dictionary<string, IReadOnlyList<ArticleVersion>>(StringComparer.Ordinal);
            if (articleIds.Count == 0)
            {
                return (IReadOnlyDictionary<string, IReadOnlyList<ArticleVersion>>)history;
            }

            var (list, parameters) = IdList(articleIds);
            await using var connection = await OpenAsync(cancellationToken);
            await using var command = Command(connection, null, $"SELECT article_id, title, body, published_at, replaced_at FROM versions WHERE article_id IN ({list}) ORDER BY article_id, replaced_at, rowid", parameters);
            var rows = new List<(string Id, ArticleVersion Version)>();
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    rows.Add((reader.GetString(0), new ArticleVersion(reader.GetString(1), reader.GetString(2), Date(reader, 3), DateTimeOffset.FromUnixTimeSeconds(reader.GetInt64(4)))));
                }
            }

            foreach (var article in rows.GroupBy(r => r.Id))
            {
                history[article.Key] = article.Select(r => r.Version).ToArray();
            }

            return history;
        });

    /// <summary>The outlet's own date for this update, when it gives one that is later than the version it replaces; otherwise null (the time of ingest is used).</summary>
    private static long? UpdatedAt(Article article, Article previous) =>
        article.UpdatedAt is { } updated && updated > (previous.UpdatedAt ?? previous.PublishedAt ?? DateTimeOffset.MinValue) ? updated.ToUnixTimeSeconds() : null;

    private async Task RecordArrivalAsync(SqliteConnection connection, SqliteTransaction transaction, StoryEntry entry, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow().ToUnixTimeSeconds();
        var id = entry.Article.Id;
        await ExecuteAsync(connection, transaction, "INSERT INTO arrivals (article_id, updated, recorded_at) VALUES ($id, $updated, $at)", cancellationToken,
            ("$id", id), ("$updated", entry.Status == IngestStatus.Updated ? 1 : 0), ("$at", now));
        await ExecuteAsync(connection, transaction, "DELETE FROM arrivals WHERE recorded_at < $before", cancellationToken, ("$before", now - (ArrivalDays * 86_400L)));

        if (entry is { Status: IngestStatus.Updated, Previous: { } previous })
        {
            await ExecuteAsync(connection, transaction, "INSERT INTO versions (article_id, title, body, published_at, replaced_at) VALUES ($id, $title, $body, $published, $at)", cancellationToken,
                ("$id", id), ("$title", previous.Title), ("$body", previous.Body), ("$published", previous.PublishedAt?.ToUnixTimeSeconds()),
                ("$at", UpdatedAt(entry.Article, previous) ?? now));
            await ExecuteAsync(connection, transaction, """
                DELETE FROM versions WHERE article_id = $id AND rowid NOT IN (
                    SELECT rowid FROM versions WHERE article_id = $id ORDER BY replaced_at DESC, rowid DESC LIMIT $keep)
                """, cancellationToken, ("$id", id), ("$keep", VersionsKept));
        }
    }
}
