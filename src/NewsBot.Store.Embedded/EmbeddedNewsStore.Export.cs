using NewsBot.Core.Storage;

namespace NewsBot.Store.Embedded;

public sealed partial class EmbeddedNewsStore
{
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
                command.CommandText = "SELECT id, idx, text, vector, sentence_vectors FROM passages WHERE article_id = $id ORDER BY idx";
                command.Parameters.AddWithValue("$id", id);
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    var vector = new float[model.Dimensions];
                    VectorBlob.CopyTo((byte[])reader.GetValue(3), vector);
                    passages.Add(new IndexedPassage(new NewsBot.Core.Chunking.Passage(reader.GetString(0), id, reader.GetInt32(1), reader.GetString(2)), vector)
                    {
                        Sentences = SentenceVectorsAt(reader, 4),
                    });
                }
            }

            yield return new StoredArticle(article, passages, model);
        }
    }
}
