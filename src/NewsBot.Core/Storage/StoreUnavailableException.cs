namespace NewsBot.Core.Storage;

/// <summary>The store cannot be opened or written: the message says where and why.</summary>
public sealed class StoreUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
