using System.Text;

namespace NewsBot.Security;

/// <summary>Reads a request body as UTF-8 text, never more than a limit: a larger body is not read to its end.</summary>
public static class LimitedBody
{
    /// <returns>The text, or null when the body is larger than <paramref name="limit"/> bytes.</returns>
    public static async Task<string?> ReadAsync(HttpRequest request, int limit, CancellationToken cancellationToken)
    {
        if (request.ContentLength > limit)
        {
            return null;
        }

        var buffer = new byte[Math.Min(limit + 1, 64 * 1024)];
        using var body = new MemoryStream();
        int read;
        while ((read = await request.Body.ReadAsync(buffer, cancellationToken)) > 0)
        {
            if (body.Length + read > limit)
            {
                return null;
            }

            body.Write(buffer, 0, read);
        }

        return Encoding.UTF8.GetString(body.GetBuffer(), 0, (int)body.Length);
    }
}
