using System.ComponentModel.DataAnnotations;

namespace NewsBot.Store.Qdrant;

/// <summary>The Qdrant store. Section <c>VectorStore:Qdrant</c>, used when <c>VectorStore:Provider</c> is <c>Qdrant</c>.</summary>
public sealed class QdrantStoreOptions
{
    public const string SectionName = "VectorStore:Qdrant";

    /// <summary>The gRPC endpoint, e.g. http://localhost:6334 (https:// for TLS).</summary>
    [Required]
    public string Endpoint { get; set; } = "http://localhost:6334";

    public string? ApiKey { get; set; }

    [Required]
    [RegularExpression("^[A-Za-z0-9_-]{1,128}$", ErrorMessage = "VectorStore:Qdrant:Collection may use letters, digits, '_' and '-'.")]
    public string Collection { get; set; } = "newsbot";

    /// <summary>Time allowed for one request before it counts as failed (and is retried).</summary>
    [Range(1, 600)]
    public int TimeoutSeconds { get; set; } = 30;

    /// <summary>Retries, with backoff, of a request that failed for a transient reason.</summary>
    [Range(0, 10)]
    public int MaxRetries { get; set; } = 3;

    /// <summary>The largest response (and request) accepted over gRPC, in MiB; gRPC's own default of 4 is too small for an export page of long articles.</summary>
    [Range(4, 1024)]
    public int MaxReceiveMegabytes { get; set; } = 64;

    /// <summary>
    /// Qdrant keeps payloads (article bodies, passage text) on disk rather than in RAM: RAM goes to the vectors and
    /// indexes that make search fast, and a large archive's text does not have to fit in memory. Set false for a
    /// small collection on a machine with RAM to spare. Applies when the collection is created.
    /// </summary>
    public bool OnDiskPayload { get; set; } = true;

    public Uri EndpointUri => Uri.TryCreate(Endpoint, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        ? uri
        : throw new NewsBot.Core.NewsBotConfigurationException($"VectorStore:Qdrant:Endpoint '{Endpoint}' is not an http(s) URL such as http://localhost:6334.");
}
