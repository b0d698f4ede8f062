using System.Text.RegularExpressions;

namespace NewsBot.Answering.Questions;

/// <summary>The kind of fact a question's wording asks for.</summary>
public enum ExpectedAnswer
{
    /// <summary>Nothing in particular: "What did the council decide?".</summary>
    Any,

    /// <summary>"How many …", "what percentage …".</summary>
    Figure,

    /// <summary>"When …", "in what year …".</summary>
    Date,

    /// <summary>"Who …", "which company …": a person or an organisation.</summary>
    Name,

    /// <summary>"Where …", "in which city …".</summary>
    Place,
}

/// <summary>Reads <see cref="ExpectedAnswer"/> from the question's opening words.</summary>
public static partial class ExpectedAnswers
{
    public static ExpectedAnswer Of(string question) =>
        FigureQuestion().IsMatch(question) ? ExpectedAnswer.Figure
        : DateQuestion().IsMatch(question) ? ExpectedAnswer.Date
        : NameQuestion().IsMatch(question) ? ExpectedAnswer.Name
        : PlaceQuestion().IsMatch(question) ? ExpectedAnswer.Place
        : ExpectedAnswer.Any;

    [GeneratedRegex(@"^\s*where\b|^\s*(?:in\s+)?(?:which|what)\s+(?:city|country|town|village|place|region|state|province|county|district|port|venue|stadium)\b", RegexOptions.IgnoreCase)]
    private static partial Regex PlaceQuestion();

    [GeneratedRegex(@"^\s*(?:how\s+(?:many|much|old|long|far|often|tall|big|large)|what\s+(?:is|was)\s+the\s+(?:number|population|percentage|total|cost|price|amount|death toll|toll)|what\s+(?:percentage|percent|share|number))\b", RegexOptions.IgnoreCase)]
    private static partial Regex FigureQuestion();

    [GeneratedRegex(@"^\s*(?:when\b|what\s+(?:year|date|day|month|time)\b|on\s+what\s+(?:date|day)|in\s+what\s+(?:year|month))", RegexOptions.IgnoreCase)]
    private static partial Regex DateQuestion();

    [GeneratedRegex(@"^\s*(?:who|whom|whose)\b|^\s*(?:which|what)\s+(?:[\w-]+\s+){0,2}?(?:entity|entities|company|companies|firm|organi[sz]ation|person|individual|people|group|team|club|agency|institution|body|ceo|chief|executive|founder|official|leader|politician|minister|player|athlete|coach|manager|brand|startup|business|businesses|character|actor|actress|author|artist|musician|figure|celebrity|platform|network|retailer|bank|regulator)\b", RegexOptions.IgnoreCase)]
    private static partial Regex NameQuestion();
}
