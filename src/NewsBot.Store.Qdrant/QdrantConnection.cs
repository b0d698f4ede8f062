using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;
using Qdrant.Client;
using Qdrant.Client.Grpc;

namespace NewsBot.Store.Qdrant;

/// <summary>
/// The gRPC channel to Qdrant, built here rather than by the client so its receive limit can be raised: gRPC's
/// default 4 MiB is exceeded by one export page of long articles. The API key travels as Qdrant's <c>api-key</c>
/// header on every call, as the client's own channel would send it.
/// </summary>
public sealed class QdrantConnection : IDisposable
{
    private readonly GrpcChannel _channel;

    public QdrantConnection(QdrantStoreOptions options)
    {
        _channel = GrpcChannel.ForAddress(options.EndpointUri, ChannelOptions(options));
        var invoker = _channel.CreateCallInvoker();
        if (!string.IsNullOrWhiteSpace(options.ApiKey))
        {
            invoker = invoker.Intercept(metadata => WithApiKey(metadata, options.ApiKey));
        }

        Client = new QdrantClient(new QdrantGrpcClient(invoker), TimeSpan.FromSeconds(options.TimeoutSeconds));
    }

    public QdrantClient Client { get; }

    public static GrpcChannelOptions ChannelOptions(QdrantStoreOptions options) => new()
    {
        MaxReceiveMessageSize = options.MaxReceiveMegabytes * 1024 * 1024,
        MaxSendMessageSize = options.MaxReceiveMegabytes * 1024 * 1024,
    };

    public static Metadata WithApiKey(Metadata metadata, string apiKey)
    {
        metadata.Add("api-key", apiKey);
        return metadata;
    }

    public void Dispose()
    {
        Client.Dispose();
        _channel.Dispose();
    }
}
