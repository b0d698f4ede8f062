using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Options;
using NewsBot.Core.Ingestion;

namespace NewsBot.Ingestion.Web;

/// <summary>
/// GETs pages and feeds through the resilient HTTP client (timeouts, a retry), with a size limit. Addresses read
/// again and again (feeds) can be remembered (<see cref="IFeedCache"/>, kept beside the store): the next request is
/// conditional (ETag, Last-Modified), and a "304 Not Modified" answer gives back the remembered content without
/// downloading it again, in the bot's next refresh and in the next CLI run alike.
/// </summary>
public sealed class WebDownloader(IHttpClientFactory clients, IOptions<WebIngestionOptions> options, IFeedCache cache)
{
    public const string ClientName = "NewsBot.Web";
    private const string Accept = "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, text/html;q=0.9, */*;q=0.5";

    /// <param name="remember">Keep the content and its validators for a conditional request next time (for feeds, not pages).</param>
    /// <param name="publicOnly">Refuse private and local addresses (for links found in feeds from the internet).</param>
    public async Task<Download> GetAsync(Uri url, CancellationToken cancellationToken, bool remember = false, bool publicOnly = false)
    {
        var limit = options.Value.MaxDownloadBytes;
        // One deadline over the whole exchange, retry and body included: a server that sends its headers and then
        // stalls cannot hold a reading (or the bot's feed refresher) for longer.
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(TimeSpan.FromSeconds(options.Value.TimeoutSeconds * 2));
        var token = deadline.Token;
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.Accept.ParseAdd(Accept);
            request.Options.Set(NetworkGuard.PublicOnly, publicOnly);
            var known = remember ? await cache.GetAsync(url, token) : null;
            if (known?.ETag is { } etag && EntityTagHeaderValue.TryParse(etag, out var tag))
            {
                request.Headers.IfNoneMatch.Add(tag);
            }

            if (known?.LastModified is { } lastModified)
            {
                request.Headers.IfModifiedSince = lastModified;
            }

            using var response = await clients.CreateClient(ClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, token);
            if (response.StatusCode == HttpStatusCode.NotModified && known is not null)
            {
                return new Download(known.Url, known.MediaType, known.Charset, known.Content);
            }

            if (!response.IsSuccessStatusCode)
            {
                throw new WebReadException($"the server answered HTTP {(int)response.StatusCode} {Reason(response)}", statusCode: (int)response.StatusCode);
            }

            if (response.Content.Headers.ContentLength > limit)
            {
                throw TooLarge(limit);
            }

            var content = await ReadLimitedAsync(response.Content, limit, token);
            var type = response.Content.Headers.ContentType;
            var download = new Download(response.RequestMessage?.RequestUri ?? url, type?.MediaType?.ToLowerInvariant(), type?.CharSet, content);
            if (remember && (response.Headers.ETag is not null || response.Content.Headers.LastModified is not null))
            {
                await cache.PutAsync(url, new CachedFeed(download.Url, download.MediaType, download.Charset, download.Content, response.Headers.ETag?.ToString(), response.Content.Headers.LastModified), token);
            }

            return download;
        }
        catch (HttpRequestException ex)
        {
            throw new WebReadException("could not connect: " + ex.Message, ex);
        }
        catch (Exception ex) when ((ex is OperationCanceledException or TimeoutException or Polly.Timeout.TimeoutRejectedException || (ex is IOException && deadline.IsCancellationRequested)) && !cancellationToken.IsCancellationRequested)
        {
            throw new WebReadException($"no complete answer within {options.Value.TimeoutSeconds * 2} seconds (twice Web:TimeoutSeconds)", ex);
        }
        catch (IOException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new WebReadException("the connection broke off: " + ex.Message, ex);
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
