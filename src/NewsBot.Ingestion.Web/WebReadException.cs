namespace NewsBot.Ingestion.Web;

/// <summary>A failed download, with a reason a user can act on, and the HTTP status when the server answered.</summary>
public sealed class WebReadException(string message, Exception? inner = null, int? statusCode = null) : Exception(message, inner)
{
    public int? StatusCode { get; } = statusCode;
}
