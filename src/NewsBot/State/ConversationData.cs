using NewsBot.Core.Answering;

namespace NewsBot.State;

/// <summary>What NewsBot remembers of a conversation: its recent questions and answers.</summary>
public sealed class ConversationData
{
    public List<ConversationTurn> History { get; set; } = [];

    public void Remember(ConversationTurn turn, int keep)
    {
        History.Add(turn);
        if (History.Count > keep)
        {
            History.RemoveRange(0, History.Count - keep);
        }
    }
}
