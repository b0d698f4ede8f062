using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;
using NewsBot.Core.Answering;
using NewsBot.Rendering;

namespace NewsBot.Alerts;

/// <summary>
/// Every <see cref="AlertOptions.PollSeconds"/>: for each followed topic whose last alert is older than
/// <see cref="AlertOptions.MinimumIntervalMinutes"/>, the articles about it that arrived since (from feeds or any
/// ingest into the store) go out as one cited alert; briefings that are due go out as a cited digest. A conversation
/// its channel refuses (403/404) is unsubscribed; a failure that may pass is retried later, backing off per
/// conversation, and a conversation that keeps failing is given up (<see cref="DeliveryBackoff"/>).
/// </summary>
public sealed class AlertDispatcher(
    SubscriptionStore subscriptions, INewsAlerts alerts, ProactiveSender sender, DeliveryBackoff backoff, IOptions<AlertOptions> options,
    TimeProvider time, ILogger<AlertDispatcher> logger) : BackgroundService
{
    // One round at a time in this process: a slow round never overlaps the next, so each sees the last one's back-off.
    private readonly SemaphoreSlim _round = new(1, 1);

    /// <summary>One round: alerts, then briefings. Returns how many messages were sent.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        await _round.WaitAsync(cancellationToken);
        try
        {
            return await SendAlertsAsync(cancellationToken) + await SendBriefingsAsync(cancellationToken);
        }
        finally
        {
            _round.Release();
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.PollSeconds), time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning("Alerts and briefings could not be checked this round: {Reason}", ex.Message);
            }
        }
    }

    private async Task<int> SendAlertsAsync(CancellationToken cancellationToken)
    {
        var sent = 0;
        var interval = TimeSpan.FromMinutes(options.Value.MinimumIntervalMinutes);
        foreach (var subscription in await subscriptions.SubscriptionsAsync(cancellationToken))
        {
            var now = time.GetUtcNow();
            if (backoff.IsWaiting(subscription.Conversation) || (subscription.LastAlertAt is { } last && now - last < interval))
            {
                // What arrives meanwhile waits, and goes out together in the next alert.
                continue;
            }

            var alert = await alerts.AlertAsync(subscription.Topic, subscription.SeenSequence, cancellationToken);
            if (alert.Through == subscription.SeenSequence)
            {
                continue;
            }

            if (!await subscriptions.ClaimAlertAsync(subscription, alert.Through, alert.Answer is null ? null : now, cancellationToken) || alert.Answer is null)
            {
                continue;
            }

            sent += await DeliverAsync(subscription.Conversation, subscription.Reference, alert.Answer, cancellationToken, release: () => subscriptions.ReleaseAlertAsync(subscription, alert.Through, cancellationToken));
        }

        return sent;
    }

    private async Task<int> SendBriefingsAsync(CancellationToken cancellationToken)
    {
        var sent = 0;
        var now = time.GetUtcNow();
        foreach (var briefing in await subscriptions.DueBriefingsAsync(now, cancellationToken))
        {
            if (backoff.IsWaiting(briefing.Conversation))
            {
                continue;
            }

            var zone = BriefingSchedule.Zone(briefing.TimeZone, options.Value.TimeZone);
            var next = BriefingSchedule.Next(briefing.LocalTime, zone, now);
            if (!await subscriptions.ClaimBriefingAsync(briefing, next, now, cancellationToken))
            {
                continue;
            }

            var digest = await alerts.BriefingAsync(briefing.LastSentAt ?? now.AddDays(-1), cancellationToken);
            sent += await DeliverAsync(briefing.Conversation, briefing.Reference, digest, cancellationToken, release: () => Task.CompletedTask);
        }

        return sent;
    }

    private async Task<int> DeliverAsync(string conversation, ConversationReference reference, Answer answer, CancellationToken cancellationToken, Func<Task> release)
    {
        var activity = AnswerActivities.For(answer, reference.ChannelId, feedbackButtons: false, suggestions: []);
        var result = await sender.SendAsync(reference, activity, cancellationToken);
        switch (result.Delivery)
        {
            case Delivery.Sent:
                backoff.Succeeded(conversation);
                return 1;
            case Delivery.Gone:
                backoff.Succeeded(conversation);
                await subscriptions.RemoveConversationAsync(conversation, cancellationToken);
                return 0;
        }

        await release();
        var verdict = backoff.Failed(conversation);
        if (verdict.GiveUp)
        {
            await subscriptions.RemoveConversationAsync(conversation, cancellationToken);
            logger.LogWarning("Gave up on {Conversation} at {ServiceUrl} after {Failures} failed sends over {Hours:0.#} hours ({Reason}): its follows and briefing are removed",
                reference.Conversation?.Id, reference.ServiceUrl, verdict.Failures, verdict.FailingFor.TotalHours, result.Reason);
        }
        else if (verdict.Warn)
        {
            logger.LogWarning("Could not send to {Conversation} at {ServiceUrl}: {Reason}; trying again later, less and less often", reference.Conversation?.Id, reference.ServiceUrl, result.Reason);
        }
        else
        {
            logger.LogDebug("Could not send to {Conversation} (failure {Failures}): {Reason}", reference.Conversation?.Id, verdict.Failures, result.Reason);
        }

        return 0;
    }
}
