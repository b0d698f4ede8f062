using Grpc.Core;

namespace NewsBot.Store.Qdrant;

/// <summary>
/// Which failed Qdrant calls are worth trying again, and after how long. Unavailable, DeadlineExceeded and Aborted
/// pass: retried with backoff. ResourceExhausted is retried only when the server rate-limits and says when to come
/// back (its <c>retry-after</c> trailer, in seconds, as Qdrant's gRPC status carries it); without one it is a limit
/// that waiting does not lift (a response larger than the client accepts, a full disk on the server).
/// </summary>
public static class QdrantRetryPolicy
{
    /// <summary>A server asking for a longer wait than this is answered with an error instead.</summary>
    public static readonly TimeSpan MaxRetryAfter = TimeSpan.FromSeconds(30);

    /// <summary>The wait before attempt <paramref name="attempt"/> + 1, or null when the call should not be repeated.</summary>
    public static TimeSpan? DelayBeforeRetry(RpcException error, int attempt) => error.StatusCode switch
    {
        StatusCode.Unavailable or StatusCode.DeadlineExceeded or StatusCode.Aborted => Backoff(attempt),
        StatusCode.ResourceExhausted when RetryAfter(error) is { } wait && wait <= MaxRetryAfter => wait,
        _ => null,
    };

    /// <summary>The server's retry-after, when it sent one.</summary>
    public static TimeSpan? RetryAfter(RpcException error) =>
        error.Trailers.GetValue("retry-after") is { } text && int.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var seconds) && seconds >= 0
            ? TimeSpan.FromSeconds(seconds)
            : null;

    public static TimeSpan Backoff(int attempt) => TimeSpan.FromMilliseconds(200 * Math.Pow(2, attempt));

    /// <summary>What the user reads when a call failed for good.</summary>
    public static string Explain(RpcException error, Uri endpoint) => error.StatusCode switch
    {
        StatusCode.Unavailable or StatusCode.DeadlineExceeded =>
            $"Qdrant at {endpoint} did not answer ({error.StatusCode}). Is it running (docker compose up -d qdrant) and is VectorStore:Qdrant:Endpoint its gRPC port (6334)?",
        StatusCode.Unauthenticated or StatusCode.PermissionDenied =>
            $"Qdrant at {endpoint} refused the request: check VectorStore:Qdrant:ApiKey.",
        StatusCode.ResourceExhausted when RetryAfter(error) is { } wait =>
            $"Qdrant at {endpoint} is rate-limiting NewsBot (retry after {wait.TotalSeconds:0} s): {error.Status.Detail}",
        StatusCode.ResourceExhausted =>
            $"Qdrant at {endpoint} or its client ran out of room: {error.Status.Detail} (a response over VectorStore:Qdrant:MaxReceiveMegabytes, or a full disk on the server).",
        _ => $"Qdrant at {endpoint} failed: {error.Status.Detail}",
    };
}
