namespace NewsBot.Core;

/// <summary>A setting is missing or wrong; the message names the key and what it expects.</summary>
public sealed class NewsBotConfigurationException(string message) : InvalidOperationException(message);
