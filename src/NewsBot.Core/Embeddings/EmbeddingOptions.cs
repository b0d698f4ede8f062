using System.ComponentModel.DataAnnotations;

namespace NewsBot.Core.Embeddings;

/// <summary>Which model turns text into vectors. Section <c>Embeddings</c>.</summary>
public sealed class EmbeddingOptions
{
    public const string SectionName = "Embeddings";

    /// <summary><c>Local</c> (default, shipped in a package), <c>OpenAI</c>, <c>AzureOpenAI</c> or <c>OpenAICompatible</c> (e.g. Ollama).</summary>
    [Required]
    public string Provider { get; set; } = "Local";

    /// <summary>Model or deployment name; ignored by the local provider.</summary>
    public string? Model { get; set; }

    /// <summary>Endpoint URL for Azure OpenAI and OpenAI-compatible servers.</summary>
    public string? Endpoint { get; set; }

    public string? ApiKey { get; set; }

    /// <summary>Text put before every question before it is embedded; empty (or absent) takes the provider's own default.</summary>
    public string? QueryPrefix { get; set; }

    /// <summary>Threads the local model uses for a batch of texts (ingest); a single question runs on one.</summary>
    [Range(1, 64)]
    public int Threads { get; set; } = 2;
}
