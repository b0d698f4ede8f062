using Grpc.Core;
using NewsBot.Core.Storage;
using Qdrant.Client;

namespace NewsBot.Store.Qdrant;

/// <summary>The store's one collection: made on first write for an embedding model, its payload indexes ensured, the model it holds read back.</summary>
internal sealed class QdrantCollection(QdrantClient client, QdrantCalls calls, QdrantStoreOptions options)
{
    private readonly SemaphoreSlim _lock = new(1, 1);
    private EmbeddingModelInfo? _model;

    /// <summary>
    /// The collection for this model, made if missing; another process making it at the same moment (AlreadyExists)
    /// is as good. Its payload indexes are ensured once per process, not only at creation, so a collection left
    /// without them by a crash between the two gets them on the next start (creating an index is idempotent in Qdrant).
    /// </summary>
    public async Task EnsureAsync(EmbeddingModelInfo model, CancellationToken cancellationToken)
    {
        if (_model == model)
        {
            return;
        }

        await _lock.WaitAsync(cancellationToken);
        try
        {
            var stored = await ReadModelAsync(cancellationToken);
            if (stored is null && !await ExistsAsync(cancellationToken))
            {
                try
                {
                    await calls.CallAsync(ct => client.CreateCollectionAsync(QdrantRequests.CreateCollection(options.Collection, model, options.OnDiskPayload), ct), cancellationToken);
                }
                catch (StoreUnavailableException ex) when (ex.InnerException is RpcException { StatusCode: StatusCode.AlreadyExists })
                {
                    // Made by another process meanwhile: its model is checked below like any stored one.
                }

                stored = await ReadModelAsync(cancellationToken);
            }

            if (stored != model)
            {
                throw new EmbeddingModelMismatchException(stored ?? new EmbeddingModelInfo("an unknown model", 0), model, $"{options.EndpointUri} collection {options.Collection}");
            }

            foreach (var (field, type) in QdrantRequests.PayloadIndexes)
            {
                await calls.CallAsync(ct => client.CreatePayloadIndexAsync(options.Collection, field, type, cancellationToken: ct), cancellationToken);
            }

            _model = model;
        }
        finally
        {
            _lock.Release();
        }
    }

    public async Task<EmbeddingModelInfo?> ReadModelAsync(CancellationToken cancellationToken)
    {
        if (!await ExistsAsync(cancellationToken))
        {
            return null;
        }

        var info = await calls.CallAsync(ct => client.GetCollectionInfoAsync(options.Collection, ct), cancellationToken);
        return QdrantRequests.ModelFrom(info.Config.Metadata);
    }

    public Task<bool> ExistsAsync(CancellationToken cancellationToken) =>
        calls.CallAsync(ct => client.CollectionExistsAsync(options.Collection, ct), cancellationToken);
}
