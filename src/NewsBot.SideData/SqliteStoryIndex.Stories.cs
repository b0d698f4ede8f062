using System.Numerics.Tensors;
using Microsoft.Data.Sqlite;
using NewsBot.Core.Stories;

namespace NewsBot.SideData;

/// <summary>
/// Stories: a new text joins the story of the most similar article published within <see cref="StoryOptions.WindowDays"/>
/// days when their vectors are close enough (<see cref="StoryOptions.SameStorySimilarity"/>) and they share a name,
/// or are very close (<see cref="StoryOptions.SameStoryWithoutNames"/>); otherwise it starts a story of its own.
/// </summary>
public sealed partial class SqliteStoryIndex
{
    public Task<IReadOnlyDictionary<string, Story>> StoriesOfAsync(IReadOnlyCollection<string> articleIds, CancellationToken cancellationToken = default) =>
        GuardAsync(async () =>
        {
            var stories = new Dictionary<string, Story>(StringComparer.Ordinal);
            if (articleIds.Count == 0)
            {
                return (IReadOnlyDictionary<string, Story>)stories;
            }

            var (list, parameters) = IdList(articleIds);
            await using var connection = await OpenAsync(cancellationToken);
            await using var command = Command(connection, null, $"""
                SELECT m.article_id, COALESCE(c.story_id, c.article_id), c.article_id, COALESCE(c.title, ''), c.source, c.published_at, c.url
                FROM copies AS m JOIN copies AS c ON COALESCE(c.story_id, c.article_id) = COALESCE(m.story_id, m.article_id)
                WHERE m.article_id IN ({list})
                ORDER BY m.article_id, c.published_at IS NULL, c.published_at, c.article_id
                """, parameters);
            var rows = new List<(string Member, string Story, StoryReport Report)>();
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    rows.Add((reader.GetString(0), reader.GetString(1), new StoryReport(reader.GetString(2), reader.GetString(3), Text(reader, 4), Date(reader, 5), Text(reader, 6))));
                }
            }

            foreach (var member in rows.GroupBy(r => r.Member))
            {
                stories[member.Key] = new Story(member.First().Story, member.Select(r => r.Report).ToArray());
            }

            return stories;
        });

    private static async Task<string> StoryOfAsync(SqliteConnection connection, SqliteTransaction transaction, string articleId, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, transaction, "SELECT COALESCE(story_id, article_id) FROM copies WHERE article_id = $id", ("$id", articleId));
        return (string?)await command.ExecuteScalarAsync(cancellationToken) ?? articleId;
    }

    private async Task<string?> NearestStoryAsync(SqliteConnection connection, SqliteTransaction transaction, StoryEntry entry, IReadOnlySet<string> names, CancellationToken cancellationToken)
    {
        if (entry.Vector.IsEmpty)
        {
            return null;
        }

        var at = entry.Article.PublishedAt?.ToUnixTimeSeconds();
        var window = _options.WindowDays * 86_400L;
        await using var command = Command(connection, transaction, """
            SELECT COALESCE(story_id, article_id), vector, names FROM copies
            WHERE vector IS NOT NULL AND article_id = representative_id
              AND ($at IS NULL OR published_at IS NULL OR published_at BETWEEN $from AND $to)
            """, ("$at", at), ("$from", at - window), ("$to", at + window));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        string? story = null;
        var best = 0.0;
        var vector = new float[entry.Vector.Length];
        while (await reader.ReadAsync(cancellationToken))
        {
            var blob = (byte[])reader[1];
            if (blob.Length != vector.Length * sizeof(float))
            {
                continue;
            }

            VectorBlob.CopyTo(blob, vector);
            double similarity = TensorPrimitives.CosineSimilarity(entry.Vector.Span, vector);
            var threshold = names.Overlaps(StoryNames.Split(Text(reader, 2))) ? _options.SameStorySimilarity : _options.SameStoryWithoutNames;
            if (similarity >= threshold && similarity > best)
            {
                (best, story) = (similarity, reader.GetString(0));
            }
        }

        return story;
    }
}
