using System.Globalization;
using NewsBot.Core.Articles;
using NewsBot.Core.Storage;

namespace NewsBot.Store.Embedded;

public sealed partial class EmbeddedNewsStore
{
    public async Task UpsertArticleAsync(Article article, IReadOnlyList<IndexedPassage> passages, EmbeddingModelInfo model, CancellationToken cancellationToken = default)
    {
        try
        {
            await WriteArticleAsync(article, passages, model, cancellationToken);
        }
        catch (SqliteException ex)
        {
            // The transaction rolled back: what was committed before stays as it was.
            throw Unavailable(ex);
        }
    }

    private async Task WriteArticleAsync(Article article, IReadOnlyList<IndexedPassage> passages, EmbeddingModelInfo model, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(article);
        if (passages.Any(p => p.Vector.Length != model.Dimensions || p.Passage.ArticleId != article.Id || (p.Sentences is { Count: > 0 } s && s.Dimensions != model.Dimensions)))
        {
            throw new ArgumentException($"Every passage of article {article.Id} must belong to it and have a {model.Dimensions}-dimension vector.", nameof(passages));
        }

        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await BeginImmediateAsync(connection, cancellationToken);
        await CheckModelAsync(connection, transaction, model, cancellationToken);
        await DeletePassagesAsync(connection, transaction, article.Id, cancellationToken);

        await using (var command = connection.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = """
                INSERT INTO articles (id, title, body, url, source, author, published_at, published_ticks, category, tags, content_hash, ingested_at)
                VALUES ($id, $title, $body, $url, $source, $author, $published_at, $published_ticks, $category, $tags, $hash, $ingested_at)
                ON CONFLICT (id) DO UPDATE SET title = excluded.title, body = excluded.body, url = excluded.url,
                    source = excluded.source, author = excluded.author, published_at = excluded.published_at,
                    published_ticks = excluded.published_ticks, category = excluded.category, tags = excluded.tags,
                    content_hash = excluded.content_hash, ingested_at = excluded.ingested_at
                """;
            command.Parameters.AddWithValue("$id", article.Id);
            command.Parameters.AddWithValue("$title", article.Title);
            command.Parameters.AddWithValue("$body", article.Body);
            command.Parameters.AddWithValue("$url", (object?)article.Url ?? DBNull.Value);
            command.Parameters.AddWithValue("$source", (object?)article.Source ?? DBNull.Value);
            command.Parameters.AddWithValue("$author", (object?)article.Author ?? DBNull.Value);
            command.Parameters.AddWithValue("$published_at", (object?)article.PublishedAt?.ToString("O", CultureInfo.InvariantCulture) ?? DBNull.Value);
            command.Parameters.AddWithValue("$published_ticks", (object?)article.PublishedAt?.UtcTicks ?? DBNull.Value);
            command.Parameters.AddWithValue("$category", (object?)article.Category ?? DBNull.Value);
            command.Parameters.AddWithValue("$tags", string.Join('\n', article.Tags));
            command.Parameters.AddWithValue("$hash", article.ContentHash);
            command.Parameters.AddWithValue("$ingested_at", DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture));
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var command = connection.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = "INSERT INTO passages (id, article_id, idx, text, vector, sentence_vectors) VALUES ($id, $article_id, $idx, $text, $vector, $sentences)";
            var id = command.Parameters.Add("$id", SqliteType.Text);
            var articleId = command.Parameters.Add("$article_id", SqliteType.Text);
            var index = command.Parameters.Add("$idx", SqliteType.Integer);
            var text = command.Parameters.Add("$text", SqliteType.Text);
            var vector = command.Parameters.Add("$vector", SqliteType.Blob);
            var sentences = command.Parameters.Add("$sentences", SqliteType.Blob);
            foreach (var indexed in passages)
            {
                var passage = indexed.Passage;
                id.Value = passage.Id;
                articleId.Value = article.Id;
                index.Value = passage.Index;
                text.Value = passage.Text;
                vector.Value = VectorBlob.ToBytes(indexed.Vector);
                sentences.Value = indexed.Sentences is { } stored ? stored.Bytes.ToArray() : DBNull.Value;
                await command.ExecuteNonQueryAsync(cancellationToken);
            }
        }

        await BumpGenerationAsync(connection, transaction, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<bool> DeleteArticleAsync(string articleId, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await BeginImmediateAsync(connection, cancellationToken);
        await DeletePassagesAsync(connection, transaction, articleId, cancellationToken);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "DELETE FROM articles WHERE id = $id";
        command.Parameters.AddWithValue("$id", articleId);
        var deleted = await command.ExecuteNonQueryAsync(cancellationToken) > 0;
        await BumpGenerationAsync(connection, transaction, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return deleted;
    }

    private async Task CheckModelAsync(SqliteConnection connection, SqliteTransaction transaction, EmbeddingModelInfo model, CancellationToken cancellationToken)
    {
        var stored = await ReadModelAsync(connection, transaction, cancellationToken);
        if (stored is null)
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = "INSERT OR REPLACE INTO meta (key, value) VALUES ('embedding_model', $model), ('embedding_dimensions', $dims)";
            command.Parameters.AddWithValue("$model", model.ModelId);
            command.Parameters.AddWithValue("$dims", model.Dimensions);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        else if (stored != model)
        {
            throw new EmbeddingModelMismatchException(stored, model, DatabasePath);
        }
    }

    private static async Task<EmbeddingModelInfo?> ReadModelAsync(SqliteConnection connection, SqliteTransaction? transaction, CancellationToken cancellationToken)
    {
        var id = await ScalarAsync(connection, "SELECT value FROM meta WHERE key = 'embedding_model'", cancellationToken, transaction);
        var dims = await ScalarAsync(connection, "SELECT value FROM meta WHERE key = 'embedding_dimensions'", cancellationToken, transaction);
        return id is null || dims is null ? null : new EmbeddingModelInfo(id, int.Parse(dims, CultureInfo.InvariantCulture));
    }

    private static async Task DeletePassagesAsync(SqliteConnection connection, SqliteTransaction transaction, string articleId, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "DELETE FROM passages WHERE article_id = $id";
        command.Parameters.AddWithValue("$id", articleId);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Marks the write for readers, and forgets deletions old enough that no reader should still need them.</summary>
    private Task BumpGenerationAsync(SqliteConnection connection, SqliteTransaction transaction, CancellationToken cancellationToken) =>
        ExecuteAsync(connection, $"""
            UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'generation';
            INSERT OR REPLACE INTO meta (key, value)
                SELECT 'deletions_forgotten_through', MAX(seq) - {_keptDeletions} FROM passage_deletions
                HAVING MAX(seq) - {_keptDeletions} > (SELECT COALESCE(MIN(seq), 1) - 1 FROM passage_deletions);
            DELETE FROM passage_deletions WHERE seq <= (SELECT MAX(seq) FROM passage_deletions) - {_keptDeletions};
            """, cancellationToken, transaction);

    /// <summary>Takes the write lock up front, so two writers queue instead of failing on upgrade.</summary>
    private static Task<SqliteTransaction> BeginImmediateAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(connection.BeginTransaction(deferred: false));
    }
}
