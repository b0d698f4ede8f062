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

    public Uri EndpointUri => Uri.TryCreate(Endpoint, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        ? uri
        : throw new NewsBot.Core.NewsBotConfigurationException($"VectorStore:Qdrant:Endpoint '{Endpoint}' is not an http(s) URL such as http://localhost:6334.");
}
