using System.Text;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace NewsBot.Rendering;

/// <summary>
/// An answer shown while it is written: an informative update, then the text so far at most once a second, then
/// the final message (which alone carries the citations). Teams 1:1 chats read the stream from a <c>streaminfo</c>
/// entity; Web Chat's livestreaming reads it from channelData. Other channels only get the final message.
/// </summary>
public sealed class StreamingReply(ITurnContext turn, TimeProvider time)
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);
    private readonly StringBuilder _text = new();
    private readonly bool _teams = turn.Activity.ChannelId == Channels.Msteams;
    private string? _streamId;
    private int _sequence;
    private DateTimeOffset _lastSent = DateTimeOffset.MinValue;

    /// <summary>Teams personal chats, Direct Line and Web Chat.</summary>
    public static bool IsSupported(ITurnContext turn) => turn.Activity.ChannelId switch
    {
        Channels.Msteams => turn.Activity.Conversation?.ConversationType is null or "personal",
        Channels.Directline or Channels.Webchat => true,
        _ => false,
    };

    public Task InformAsync(string text, CancellationToken cancellationToken) => SendAsync("informative", text, cancellationToken);

    /// <summary>Adds generated text; sends the text so far when a second has passed since the last update.</summary>
    public async Task AppendAsync(string delta, CancellationToken cancellationToken)
    {
        _text.Append(delta);
        if (time.GetUtcNow() - _lastSent >= Interval)
        {
            await SendAsync("streaming", _text.ToString(), cancellationToken);
        }
    }

    /// <summary>Marks the answer as the end of the stream.</summary>
    public void Finish(IMessageActivity final)
    {
        if (_streamId is null)
        {
            return;
        }

        _sequence++;
        if (_teams)
        {
            final.Entities = [.. final.Entities ?? [], StreamInfo("final")];
        }
        else
        {
            var channelData = final.ChannelData as JObject ?? [];
            channelData["streamId"] = _streamId;
            channelData["streamType"] = "final";
            final.ChannelData = channelData;
        }
    }

    private async Task SendAsync(string type, string text, CancellationToken cancellationToken)
    {
        _sequence++;
        var update = new Activity(ActivityTypes.Typing) { Text = text, Id = _streamId is null ? Guid.NewGuid().ToString("N") : null };
        if (_teams)
        {
            update.Entities = [StreamInfo(type)];
        }
        else
        {
            var channelData = new JObject { ["streamType"] = type, ["streamSequence"] = _sequence };
            if (_streamId is not null)
            {
                channelData["streamId"] = _streamId;
            }

            update.ChannelData = channelData;
        }

        var response = await turn.SendActivityAsync(update, cancellationToken);
        _streamId ??= string.IsNullOrEmpty(response?.Id) ? update.Id : response.Id;
        _lastSent = time.GetUtcNow();
    }

    private Entity StreamInfo(string type)
    {
        var entity = new Entity("streaminfo");
        entity.Properties["streamType"] = type;
        entity.Properties["streamSequence"] = _sequence;
        if (_streamId is not null)
        {
            entity.Properties["streamId"] = _streamId;
        }

        return entity;
    }
}
