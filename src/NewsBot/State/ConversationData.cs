using NewsBot.Core.Answering;

namespace NewsBot.State;

/// <summary>What NewsBot remembers of a conversation: its recent questions and answers, each cut to a bounded length.</summary>
public sealed class ConversationData
{
    public const int MaxQuestionCharacters = 500;
    public const int MaxAnswerCharacters = 1500;

    public List<ConversationTurn> History { get; set; } = [];

    public void Remember(ConversationTurn turn, int keep)
    {
        History.Add(new ConversationTurn(Cut(turn.Question, MaxQuestionCharacters), Cut(turn.Answer, MaxAnswerCharacters)));
        if (History.Count > keep)
        {
            History.RemoveRange(0, History.Count - keep);
        }
    }

    private static string Cut(string text, int max) => text.Length <= max ? text : text[..max];
}
