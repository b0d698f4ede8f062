namespace NewsBot.Ingestion.Web;

/// <summary>A failed download, with a reason a user can act on.</summary>
public sealed class WebReadException(string message, Exception? inner = null) : Exception(message, inner);
