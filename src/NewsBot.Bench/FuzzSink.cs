using System.Net;
using System.Text;

namespace NewsBot.Bench;

/// <summary>A loopback listener that takes whatever the bot sends as a channel would: answering 200, or a chosen failure, and counting.</summary>
public sealed class FuzzSink : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly int _status;
    private int _requests;

    private FuzzSink(int port, int status)
    {
        Url = $"http://127.0.0.1:{port}/";
        _status = status;
        _listener.Prefixes.Add(Url);
    }

    public string Url { get; }

    /// <summary>Requests received so far.</summary>
    public int Requests => _requests;

    public static FuzzSink Start(int status = 200)
    {
        var port = new Random().Next(20_000, 60_000);
        var sink = new FuzzSink(port, status);
        sink._listener.Start();
        _ = Task.Run(sink.ServeAsync);
        return sink;
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            try
            {
                var context = await _listener.GetContextAsync();
                Interlocked.Increment(ref _requests);
                context.Response.StatusCode = _status;
                context.Response.ContentType = "application/json";
                var body = Encoding.UTF8.GetBytes(_status == 200 ? "{\"id\":\"sink\"}" : "{\"error\":{\"code\":\"ServiceError\",\"message\":\"failing on purpose\"}}");
                await context.Response.OutputStream.WriteAsync(body);
                context.Response.Close();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }
        }
    }

    public void Dispose() => _listener.Close();
}
