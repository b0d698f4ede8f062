using System.Diagnostics;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text;
using Xunit;

namespace NewsBot.Tests;

/// <summary>End to end with the Microsoft 365 Agents Playground as the Teams client: message in over its API, replies out over its WebSocket.</summary>
[Trait("Category", "Slow")] // a separate process or a browser: run apart with --filter Category=Slow
public sealed class AgentsPlaygroundTests
{
    [PlaygroundFact]
    public async Task A_question_sent_through_the_playground_as_Teams_gets_a_cited_answer()
    {
        await using var bot = await BotProcess.StartAsync();
        var port = BotProcess.FreePort();
        using var playground = StartPlayground(bot.Url + "/api/messages", port);
        try
        {
            await WaitForPortAsync(port);
            using var socket = await ConnectAsync(new Uri($"ws://127.0.0.1:{port}/_ws_conversation/v1/conversations/stream"));
            using var http = new HttpClient();

            var sent = await http.PostAsync(
                $"http://127.0.0.1:{port}/_conversation/v1/conversations/{PlaygroundFactAttribute.Conversation}/messages",
                new StringContent("""{"from":{"id":"user-id-0"},"text":"Where will NATO open its liaison office?","textFormat":"plain"}""", Encoding.UTF8, "application/json"));

            Assert.True(sent.IsSuccessStatusCode, await sent.Content.ReadAsStringAsync());
            var answer = await ReceiveUntilAsync(socket, frame => frame.Contains("createMessage", StringComparison.Ordinal) && frame.Contains("Tokyo", StringComparison.Ordinal), TimeSpan.FromSeconds(60));
            Assert.Contains("https://northern-wire.example/world/nato-tokyo-liaison-office", answer, StringComparison.Ordinal);
        }
        finally
        {
            playground.Kill(entireProcessTree: true);
        }
    }

    private static Process StartPlayground(string endpoint, int port)
    {
        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { PlaygroundFactAttribute.Cli, "start", "-e", endpoint, "-c", "msteams", "-p", port.ToString(), "--dt", "--conversation-id", PlaygroundFactAttribute.Conversation })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["TEAMSAPPTESTER_BROWSER"] = "none";
        var process = Process.Start(start)!;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>The playground may accept connections a moment before its WebSocket endpoint is up (slow on a busy machine).</summary>
    private static async Task<ClientWebSocket> ConnectAsync(Uri uri)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var socket = new ClientWebSocket();
            try
            {
                await socket.ConnectAsync(uri, CancellationToken.None);
                return socket;
            }
            catch (WebSocketException) when (clock.Elapsed < TimeSpan.FromSeconds(60))
            {
                socket.Dispose();
                await Task.Delay(500);
            }
        }
    }

    private static async Task WaitForPortAsync(int port)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync("127.0.0.1", port);
                return;
            }
            catch (SocketException) when (clock.Elapsed < TimeSpan.FromSeconds(60))
            {
                await Task.Delay(250);
            }
        }
    }

    private static async Task<string> ReceiveUntilAsync(ClientWebSocket socket, Func<string, bool> wanted, TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        var buffer = new byte[64 * 1024];
        var frames = new List<string>();
        try
        {
            while (true)
            {
                var message = new StringBuilder();
                WebSocketReceiveResult result;
                do
                {
                    result = await socket.ReceiveAsync(buffer, cancel.Token);
                    message.Append(Encoding.UTF8.GetString(buffer, 0, result.Count));
                }
                while (!result.EndOfMessage);

                frames.Add(message.ToString());
                if (wanted(message.ToString()))
                {
                    return message.ToString();
                }
            }
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException("No answer from the playground; frames seen:\n" + string.Join('\n', frames));
        }
    }
}
