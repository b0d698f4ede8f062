using System.Text.RegularExpressions;
using NewsBot.Core.Search;

namespace NewsBot.Answering.Comparison;

/// <summary>What a yes/no question comparing reports claims, read once from its wording: the answer's verdict is decided against it.</summary>
public enum ComparisonClaim
{
    /// <summary>That the reports agree, differ or say some particular thing: no verdict without a language model.</summary>
    Agreement,

    /// <summary>That each named outlet reported on the subject ("Do A and B both report on X?").</summary>
    Coverage,

    /// <summary>That the first report named came before the second ("Did A report X before B …?", "After B reported Y, did A …?" reads as B first).</summary>
    FirstBeforeSecond,

    /// <summary>That the first report named came after the second.</summary>
    FirstAfterSecond,
}

/// <summary>Reads a <see cref="ComparisonClaim"/> from a comparing question and the positions of the outlets it names.</summary>
public static partial class ComparisonClaims
{
    /// <param name="firstMention">Where the first report is named in the question.</param>
    public static ComparisonClaim Of(string question, int firstMention)
    {
        if (Claim().IsMatch(question))
        {
            return ComparisonClaim.Agreement;
        }

        if (Order().Match(question) is { Success: true } order)
        {
            var before = !order.Value.Equals("after", StringComparison.OrdinalIgnoreCase);

            // "After B reported Y, did A …?": the clause names the report it is measured against first.
            return (order.Index < firstMention) != before ? ComparisonClaim.FirstBeforeSecond : ComparisonClaim.FirstAfterSecond;
        }

        return CoverageAsked().IsMatch(question) && QueryTerms.Extract(WithoutFraming(question)).Count <= MaxCoverageTerms ? ComparisonClaim.Coverage : ComparisonClaim.Agreement;
    }

    /// <summary>Whether the question asks which report came first ("before", "after"), so each report is looked up by its own part.</summary>
    public static bool AsksOrder(string question) => Order().IsMatch(question) && !Claim().IsMatch(question);

    // "Do A and B both report on the tram line?" asks about coverage; a long question asks about what they say.
    private const int MaxCoverageTerms = 8;

    /// <summary>The question without the words that frame a comparison ("do … both report on"), leaving what a side must be about.</summary>
    public static string WithoutFraming(string part) => Framing().Replace(part, " ");

    // Which came first: "before", "after", "prior to" (not "later", "subsequent": those date what a report says).
    [GeneratedRegex(@"\b(?:before|after|prior\s+to)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Order();

    // Whether each reported on it at all: "report on", "write about", "cover".
    [GeneratedRegex(@"\b(?:report(?:s|ed)?|write|wrote|written|cover(?:s|ed)?|carr(?:y|ied)|publish(?:ed)?|run|ran)\s+(?:on|about|anything\s+(?:on|about))\b|\bcover(?:s|ed)?\b", RegexOptions.IgnoreCase)]
    private static partial Regex CoverageAsked();

    // What they say, which only a reader of both can judge: agreement, difference, change, a claim ("that …").
    [GeneratedRegex(@"\b(?:that|agree\w*|disagree\w*|consisten\w*|inconsisten\w*|differ\w*|suggest\w*|claim\w*|indicat\w*|while|whereas|change\w*|contrast\w*|similar\w*|same|contradict\w*|conflict\w*|portray\w*|align\w*|compar\w*|versus|unlike|whether|reported\s+as|more|less|larger|smaller|higher|lower|better|worse)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Claim();

    // The words that frame a comparison rather than say what it is about ("did Y report on it too?" is about X).
    [GeneratedRegex(@"\b(?:do|does|did|both|each|all|either|report(?:s|ed|ing)?|article|articles|write|wrote|written|cover(?:s|ed|age)?|say|says|said|before|after|earlier|later|first|prior|too|also|as\s+well|it|its|this|that|them)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Framing();
}
