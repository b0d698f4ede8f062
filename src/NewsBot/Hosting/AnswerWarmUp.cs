using System.Diagnostics;
using NewsBot.Core.Answering;
using NewsBot.Core.Storage;

namespace NewsBot.Hosting;

/// <summary>
/// Before the bot takes its first message, answers one question about the newest story, the way a reader would ask
/// it, and throws the answer away: the code of a turn is compiled and the store's search indexes are in memory, so the
/// first readers after a start do not wait a second or two for that. Only extractive answers (nothing leaves the
/// machine); a language model is never called for it. Whatever fails here is left for the first real question.
/// </summary>
public sealed class AnswerWarmUp(INewsAnswerer answerer, INewsStore store, ILogger<AnswerWarmUp> logger) : IHostedService
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(20);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (answerer.Streams)
        {
            return;
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Limit);
        var clock = Stopwatch.StartNew();
        try
        {
            var newest = await store.GetLatestArticlesAsync(1, SearchFilter.None, timeout.Token);
            if (newest.Count == 0)
            {
                return;
            }

            await answerer.AnswerAsync(new AnswerRequest($"What happened with \"{newest[0].Title}\"?", []), null, timeout.Token);
            logger.LogInformation("Ready: a first answer took {Milliseconds} ms", clock.ElapsedMilliseconds);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogDebug("The warm-up answer did not complete: {Reason}", ex.Message);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
