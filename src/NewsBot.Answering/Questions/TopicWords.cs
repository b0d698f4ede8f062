using NewsBot.Core.Search;

namespace NewsBot.Answering.Questions;

/// <summary>
/// The words that say what a question is about. "What happened yesterday?", "What's the latest from Northern Wire?"
/// or "Any news this week?" have none: they ask for the news of a period or an outlet, not about a subject.
/// </summary>
public static class TopicWords
{
    private static readonly HashSet<string> NotTopics = new(StringComparer.Ordinal)
    {
        "new", "newest", "recent", "recently", "lately", "happened", "happen", "happening", "happens", "going", "up",
        "any", "anything", "everything", "headline", "headlines", "stories", "story", "top", "main", "biggest", "big",
        "important", "key", "update", "updates", "brief", "briefing", "summary", "summarise", "summarize", "give",
        "show", "list", "covered", "cover", "coverage", "wrote", "write", "written", "out", "all", "else", "other",
        "today", "tonight", "yesterday", "morning", "afternoon", "evening", "weekend", "day", "days", "week", "weeks",
        "month", "months", "year", "years", "last", "past", "ago", "since", "earlier", "just", "now", "currently",
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
        "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "please", "us",
        "hi", "hello", "morning's", "world", "there", "been", "got", "get", "outlet", "outlets", "media", "press",
        "newspaper", "newspapers", "timeline", "chronology",
    };

    public static IReadOnlyList<string> In(string question) =>
        QueryTerms.Extract(question).Where(w => !NotTopics.Contains(w) && !w.All(char.IsDigit)).ToArray();
}
