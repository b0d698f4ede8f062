using System.Text.RegularExpressions;
using NewsBot.Core.Answering;

namespace NewsBot.Answering.Questions;

/// <summary>
/// The one place that reads a question's wording to decide its <see cref="QuestionKind"/>, and the framing words
/// of the laid-out kinds (coverage, timeline) that are not part of the subject.
/// </summary>
public static partial class QuestionKinds
{
    public static bool AsksForSources(string question) => CoverageQuestion.IsAsked(question);

    public static QuestionKind Decide(string question, int outletsNotHeld, bool open, int comparedParts) =>
        outletsNotHeld > 0 ? QuestionKind.OutletsNotHeld
        : open ? QuestionKind.Digest
        : MoreAsked().IsMatch(question) ? QuestionKind.MoreOnStory
        : CoverageAsked().IsMatch(question) ? QuestionKind.Coverage
        : TimelineAsked().IsMatch(question) ? QuestionKind.Timeline
        : comparedParts >= 2 ? QuestionKind.ComparesReports
        : QuestionKind.Fact;

    /// <summary>The question without the words that ask for a side-by-side or a timeline, leaving what it is about.</summary>
    public static string WithoutFraming(string question, QuestionKind kind) => kind switch
    {
        QuestionKind.Coverage => CoverageAsked().Replace(question, " "),
        QuestionKind.Timeline => TimelineFraming().Replace(question, " "),
        _ => question,
    };

    [GeneratedRegex(@"\bhow\s+(?:did|do|does|have|has|was|were|is|are)\s+(?:the\s+|different\s+|other\s+)?(?:outlets?|papers?|newspapers?|media|sources?|press|publications?|news\s+sites?)\s+(?:cover|covered|report|reported|describe|described|handle|handled|see|saw)\b|\b(?:what|how)\s+(?:does|did|do)\s+each\s+(?:outlet|paper|newspaper|source|publication)\b|\bhow\s+(?:was|were|is|has)\b.*\b(?:covered|reported)\s+(?:by\s+(?:the\s+)?(?:outlets|papers|media|press))\b", RegexOptions.IgnoreCase)]
    private static partial Regex CoverageAsked();

    [GeneratedRegex(@"^\s*(?:please\s+)?tell\s+me\s+more\s+about\b", RegexOptions.IgnoreCase)]
    private static partial Regex MoreAsked();

    [GeneratedRegex(@"\b(?:timeline|chronology)\b|\bhow\s+(?:has|have|did)\b.+\b(?:developed|unfolded|evolved|progressed|changed)\b|\bwhat\s+happened\s+(?:so\s+far|since)\b", RegexOptions.IgnoreCase)]
    private static partial Regex TimelineAsked();

    // The framing words, removed to leave what the story is about.
    [GeneratedRegex(@"\b(?:timeline|chronology)(?:\s+of)?\b|\bhow\s+(?:has|have|did)\b|\b(?:story\s+)?(?:developed|unfolded|evolved|progressed|changed)\b|\bwhat\s+happened\s+(?:so\s+far|since)\b", RegexOptions.IgnoreCase)]
    private static partial Regex TimelineFraming();
}
