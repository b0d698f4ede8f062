using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace NewsBot.Ingestion.Web;

/// <summary>What a web address returned: the bytes, their media type and character set, and where redirects ended.</summary>
public sealed partial record Download(Uri Url, string? MediaType, string? Charset, byte[] Content)
{
    static Download()
    {
        // Pages still declare legacy code pages (windows-1252, iso-8859-2, shift_jis); .NET knows them once registered.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    }

    /// <summary>
    /// The content as text: a byte order mark wins, then the charset of the Content-Type header, then a
    /// <c>&lt;meta charset&gt;</c> near the top of the page, then UTF-8; an unknown charset name reads as UTF-8.
    /// </summary>
    public string Text()
    {
        var declared = Charset ?? MetaCharset();
        var encoding = Encoding.UTF8;
        if (declared is { Length: > 0 })
        {
            try
            {
                encoding = Encoding.GetEncoding(declared.Trim('"', '\'', ' '));
            }
            catch (ArgumentException)
            {
                // An unknown charset name: read as UTF-8 rather than fail the page.
            }
        }

        using var reader = new StreamReader(new MemoryStream(Content), encoding, detectEncodingFromByteOrderMarks: true);
        return reader.ReadToEnd();
    }

    private string? MetaCharset()
    {
        var head = Encoding.ASCII.GetString(Content, 0, Math.Min(Content.Length, 4096));
        var match = MetaCharsetPattern().Match(head);
        return match.Success ? match.Groups["charset"].Value : null;
    }

    [GeneratedRegex(@"<meta[^>]+charset\s*=\s*[""']?(?<charset>[A-Za-z0-9_\-:.]+)", RegexOptions.IgnoreCase)]
    private static partial Regex MetaCharsetPattern();
}

/// <summary>A failed download, with a reason a user can act on.</summary>
public sealed class WebReadException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>GETs pages and feeds through the resilient HTTP client (timeouts, a retry), with a size limit.</summary>
public sealed class WebDownloader(IHttpClientFactory clients, IOptions<WebIngestionOptions> options)
{
    public const string ClientName = "NewsBot.Web";
    private const string Accept = "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, text/html;q=0.9, */*;q=0.5";

    public async Task<Download> GetAsync(Uri url, CancellationToken cancellationToken)
    {
        var limit = options.Value.MaxDownloadBytes;
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.Accept.ParseAdd(Accept);
            using var response = await clients.CreateClient(ClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                throw new WebReadException($"the server answered HTTP {(int)response.StatusCode} {Reason(response)}");
            }

            if (response.Content.Headers.ContentLength > limit)
            {
                throw TooLarge(limit);
            }

            var content = await ReadLimitedAsync(response.Content, limit, cancellationToken);
            var type = response.Content.Headers.ContentType;
            return new Download(response.RequestMessage?.RequestUri ?? url, type?.MediaType?.ToLowerInvariant(), type?.CharSet, content);
        }
        catch (HttpRequestException ex)
        {
            throw new WebReadException("could not connect: " + ex.Message, ex);
        }
        catch (Exception ex) when ((ex is TaskCanceledException or TimeoutException or Polly.Timeout.TimeoutRejectedException) && !cancellationToken.IsCancellationRequested)
        {
            throw new WebReadException($"no answer within {options.Value.TimeoutSeconds} seconds (Web:TimeoutSeconds)", ex);
        }
        catch (Polly.CircuitBreaker.BrokenCircuitException ex)
        {
            throw new WebReadException("the site failed repeatedly; NewsBot pauses requests to it for a while", ex);
        }
    }

    private static async Task<byte[]> ReadLimitedAsync(HttpContent content, long limit, CancellationToken cancellationToken)
    {
        await using var stream = await content.ReadAsStreamAsync(cancellationToken);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                throw TooLarge(limit);
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static WebReadException TooLarge(long limit) =>
        new($"the content is larger than {limit / (1024 * 1024)} MB (Web:MaxDownloadMegabytes)");

    private static string Reason(HttpResponseMessage response) =>
        response.ReasonPhrase is { Length: > 0 } reason ? reason : (response.StatusCode switch
        {
            HttpStatusCode.NotFound => "Not Found",
            HttpStatusCode.Forbidden => "Forbidden",
            _ => response.StatusCode.ToString(),
        });
}
