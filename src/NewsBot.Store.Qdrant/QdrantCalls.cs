using Grpc.Core;
using NewsBot.Core.Storage;

namespace NewsBot.Store.Qdrant;

/// <summary>Every call to Qdrant goes through here: retried as <see cref="QdrantRetryPolicy"/> allows, and a failure for good becomes a store error that says what to check.</summary>
internal sealed class QdrantCalls(QdrantStoreOptions options)
{
    public Task CallAsync(Func<CancellationToken, Task> call, CancellationToken cancellationToken) =>
        CallAsync(async ct => { await call(ct); return true; }, cancellationToken);

    /// <summary>Retries what <see cref="QdrantRetryPolicy"/> says may pass; anything else, or persistent failure, becomes a clear store error.</summary>
    public async Task<T> CallAsync<T>(Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await call(cancellationToken);
            }
            catch (RpcException ex) when (attempt < options.MaxRetries && !cancellationToken.IsCancellationRequested && QdrantRetryPolicy.DelayBeforeRetry(ex, attempt) is { } wait)
            {
                await Task.Delay(wait, cancellationToken);
            }
            catch (RpcException ex)
            {
                throw new StoreUnavailableException(QdrantRetryPolicy.Explain(ex, options.EndpointUri), ex);
            }
        }
    }
}
