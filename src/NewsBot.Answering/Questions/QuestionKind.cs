namespace NewsBot.Answering.Questions;

/// <summary>What a question asks for, decided once by <see cref="QuestionUnderstanding"/>; every later step reads this, never the raw text.</summary>
public enum QuestionKind
{
    /// <summary>Which outlets NewsBot reads ("sources", "which outlets do you cover?").</summary>
    Sources,

    /// <summary>Attributes a report to an outlet the store holds nothing from.</summary>
    OutletsNotHeld,

    /// <summary>No subject in particular: the news of a period or an outlet ("What happened yesterday?").</summary>
    Digest,

    /// <summary>How each outlet reported a subject, side by side.</summary>
    Coverage,

    /// <summary>How a story developed, report by report.</summary>
    Timeline,

    /// <summary>A yes/no question comparing two or more outlets' reports.</summary>
    ComparesReports,

    /// <summary>"Tell me more about: &lt;headline&gt;" (the buttons under an answer): the rest of that story, not its lead again.</summary>
    MoreOnStory,

    /// <summary>Anything else: a fact, a name, a figure, a date, a place.</summary>
    Fact,
}
