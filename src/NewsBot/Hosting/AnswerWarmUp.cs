using System.Diagnostics;
using NewsBot.Core.Answering;
using NewsBot.Core.Runtime;
using NewsBot.Core.Storage;

namespace NewsBot.Hosting;

/// <summary>
/// Before the bot takes its first message, it answers questions of its own about its newest stories, round after
/// round until the runtime has compiled the turn's code (<see cref="WarmUpRounds"/>) or <see cref="Limit"/> has
/// passed; the answers are thrown away. Only extractive answers (nothing leaves the machine); a language model is
/// never called for it. Whatever fails here is left for the first real question.
/// </summary>
public sealed class AnswerWarmUp(INewsAnswerer answerer, INewsStore store, ILogger<AnswerWarmUp> logger) : IHostedService
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(20);
    private const int Stories = 10;

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
            var newest = await store.GetLatestArticlesAsync(Stories, SearchFilter.None, timeout.Token);
            if (newest.Count == 0)
            {
                return;
            }

            var rounds = await WarmUpRounds.RunAsync(
                async token =>
                {
                    foreach (var article in newest)
                    {
                        // A form of question the load benchmark never asks, so none of its questions is answered here first.
                        await answerer.AnswerAsync(new AnswerRequest($"What does the news say about \"{article.Title}\"?", []), null, token);
                    }
                },
                Limit,
                timeout.Token);

            logger.LogInformation("Ready: warmed up in {Milliseconds} ms ({Rounds} rounds of {Questions} questions)", clock.ElapsedMilliseconds, rounds, newest.Count);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogDebug("The warm-up did not complete: {Reason}", ex.Message);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
