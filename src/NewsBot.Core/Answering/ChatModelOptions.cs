using System.ComponentModel.DataAnnotations;

namespace NewsBot.Core.Answering;

/// <summary>The language model that writes answers, if any. Section <c>Chat</c>.</summary>
public sealed class ChatModelOptions
{
    public const string SectionName = "Chat";

    /// <summary><c>None</c> (default: extractive answers, no model), <c>OpenAI</c>, <c>AzureOpenAI</c> or <c>OpenAICompatible</c>.</summary>
    [Required]
    public string Provider { get; set; } = "None";

    /// <summary>Model or deployment name, e.g. gpt-4o-mini or llama3.1.</summary>
    public string? Model { get; set; }

    public string? Endpoint { get; set; }

    public string? ApiKey { get; set; }

    /// <summary>After this long without a complete answer, the extractive answer is given instead.</summary>
    [Range(1, 600)]
    public int TimeoutSeconds { get; set; } = 30;

    /// <summary>Retries of a failed request (with backoff) before giving up.</summary>
    [Range(1, 10)]
    public int MaxRetries { get; set; } = 2;

    public bool IsEnabled => !string.Equals(Provider, "None", StringComparison.OrdinalIgnoreCase);
}
