using System.Diagnostics;
using System.Runtime;
using NewsBot.Core.Answering;
using NewsBot.Core.Storage;

namespace NewsBot.Hosting;

/// <summary>
/// Before the bot takes its first message, it answers questions of its own about its newest stories, round after
/// round, until a round no longer makes the runtime compile code (the turn's code has reached its optimised form) or
/// <see cref="Limit"/> has passed; the answers are thrown away. Without it, the first readers after a start share the
/// cores with that compilation for several seconds. Only extractive answers (nothing leaves the machine); a language
/// model is never called for it. Whatever fails here is left for the first real question.
/// </summary>
public sealed class AnswerWarmUp(INewsAnswerer answerer, INewsStore store, ILogger<AnswerWarmUp> logger) : IHostedService
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(20);

    // The runtime starts counting a method's calls for its optimised form after a short quiet spell: a pause between rounds.
    private static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(200);
    private const int Stories = 10;
    private const int MaxRounds = 40;
    private const int SettledBelow = 10;

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

            var compiled = JitInfo.GetCompiledMethodCount();
            var rounds = 0;
            while (rounds < MaxRounds)
            {
                rounds++;
                foreach (var article in newest)
                {
                    // A form of question the load benchmark never asks, so none of its questions is answered here first.
                    await answerer.AnswerAsync(new AnswerRequest($"What does the news say about \"{article.Title}\"?", []), null, timeout.Token);
                }

                await Task.Delay(Pause, timeout.Token);
                var now = JitInfo.GetCompiledMethodCount();
                (var fresh, compiled) = (now - compiled, now);
                if (fresh < SettledBelow)
                {
                    break;
                }
            }

            logger.LogInformation("Ready: warmed up in {Milliseconds} ms ({Rounds} rounds of {Questions} questions)", clock.ElapsedMilliseconds, rounds, newest.Count);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogDebug("The warm-up did not complete: {Reason}", ex.Message);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
