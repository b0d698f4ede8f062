using System.Text.RegularExpressions;

namespace NewsBot.Answering.Questions;

/// <summary>The kind of fact a question's wording asks for.</summary>
public enum ExpectedAnswer
{
    /// <summary>Nothing in particular: "What did the council decide?".</summary>
    Any,

    /// <summary>"How many …", "what percentage …", "what is X's salary / age / population / price".</summary>
    Figure,

    /// <summary>"When …", "in what year …".</summary>
    Date,

    /// <summary>"Who …", "which company …": a person or an organisation.</summary>
    Name,

    /// <summary>"Where …", "in which city …".</summary>
    Place,

    /// <summary>
    /// No fact in particular, only what the news says about a subject: "Tell me about X", "What is the latest on X?",
    /// "What did Northern Wire report about X?". Answered when a sentence is about the whole subject.
    /// </summary>
    Overview,
}

/// <summary>Whom a name question asks for: a person ("who", "which official"), an organisation ("which company"), or either.</summary>
public enum NameRole
{
    Any,
    Person,
    Organisation,
}

/// <summary>Reads <see cref="ExpectedAnswer"/> from the question's opening words.</summary>
public static partial class ExpectedAnswers
{
    public static ExpectedAnswer Of(string question) =>
        FigureQuestion().IsMatch(question) ? ExpectedAnswer.Figure
        : DateQuestion().IsMatch(question) ? ExpectedAnswer.Date
        : IsNameQuestion(question) ? ExpectedAnswer.Name
        : PlaceQuestion().IsMatch(question) ? ExpectedAnswer.Place
        : OverviewQuestion().IsMatch(question) ? ExpectedAnswer.Overview
        : ExpectedAnswer.Any;

    /// <summary>The role of the name a name question asks for; <see cref="NameRole.Any"/> for other questions.</summary>
    public static NameRole RoleOf(string question) =>
        !IsNameQuestion(question) ? NameRole.Any
        : PersonAsked().IsMatch(question) ? NameRole.Person
        : OrganisationAsked().IsMatch(question) ? NameRole.Organisation
        : WhoQuestion().IsMatch(question) && !OrganisationWord().IsMatch(question) ? NameRole.Person
        : NameRole.Any;

    /// <summary>"Who …", or "which / what" followed within two words by a kind of person or of organisation.</summary>
    private static bool IsNameQuestion(string question) =>
        WhoQuestion().IsMatch(question) || PersonAsked().IsMatch(question) || OrganisationAsked().IsMatch(question);

    // "Who …", "whom …", "whose …".
    [GeneratedRegex(@"^\s*(?:who|whom|whose)\b", RegexOptions.IgnoreCase)]
    private static partial Regex WhoQuestion();

    // "Who is the company behind …" asks for an organisation, not a person.
    [GeneratedRegex(@"\b(?:company|companies|firm|organi[sz]ation|team|club|agency|startup|brand|group)\b", RegexOptions.IgnoreCase)]
    private static partial Regex OrganisationWord();

    // "Which official …", "what kind of leader …", "who is the individual …": a kind of person within two words.
    [GeneratedRegex(@"^\s*(?:which|what|who\s+(?:is|was|are|were)(?:\s+the)?)\s+(?:[\w-]+\s+){0,2}?(?:person|individual|people|ceo|chief|executive|founder|official|leader|politician|minister|player|athlete|coach|manager|character|actor|actress|author|artist|musician|figure|celebrity)\b", RegexOptions.IgnoreCase)]
    private static partial Regex PersonAsked();

    // "Which company …", "what sports team …": a kind of organisation within two words.
    [GeneratedRegex(@"^\s*(?:which|what)\s+(?:[\w-]+\s+){0,2}?(?:entity|entities|company|companies|firm|organi[sz]ation|group|team|club|agency|institution|body|brand|startup|business|businesses|platform|network|retailer|bank|regulator)\b", RegexOptions.IgnoreCase)]
    private static partial Regex OrganisationAsked();

    /// <summary>The question without the words that ask for an overview ("Tell me about", "What is the latest on"): what it is about.</summary>
    public static string WithoutOpener(string question) => OverviewQuestion().Replace(question, " ");

    [GeneratedRegex(@"^\s*(?:(?:please\s+)?tell\s+me\s+(?:more\s+)?about:?|what(?:'s|’s|\s+is|\s+are)\s+(?:the\s+)?(?:latest\s+)?(?:news|latest|story|stories|update|updates)\s+(?:about|on|with|from)|(?:is\s+there\s+)?any\s+news\s+(?:about|on)|what\s+(?:did|does|do|has|have)\s+(?:[\w'’.&-]+\s+){0,4}?(?:report|reported|say|said|write|written|wrote|know)\s+(?:about|on)|what\s+do\s+you\s+(?:know|have)\s+(?:about|on)|what\s+(?:else\s+)?(?:was|is|has\s+been|have\s+they|did\s+they)\s+(?:reported|said|written|report|say|write)\s+(?:about|on))", RegexOptions.IgnoreCase)]
    private static partial Regex OverviewQuestion();

    [GeneratedRegex(@"^\s*where\b|^\s*(?:in\s+)?(?:which|what)\s+(?:city|country|town|village|place|region|state|province|county|district|port|venue|stadium)\b", RegexOptions.IgnoreCase)]
    private static partial Regex PlaceQuestion();

    [GeneratedRegex(@"^\s*(?:how\s+(?:many|much|old|long|far|often|tall|big|large)|what\s+(?:is|was)\s+the\s+(?:number|population|percentage|total|cost|price|amount|death toll|toll)|what\s+(?:percentage|percent|share|number)|what\s+(?:is|was|are|were)\s+(?:[\w'’.-]+\s+){0,4}?(?:salary|salaries|pay|wage|wages|income|age|population|price|prices|fee|fees|budget|revenue|valuation|net\s+worth)\b(?!\s+(?:of|for)\s+(?:the\s+)?(?:news|story|report)))\b", RegexOptions.IgnoreCase)]
    private static partial Regex FigureQuestion();

    [GeneratedRegex(@"^\s*(?:when\b|what\s+(?:year|date|day|month|time)\b|on\s+what\s+(?:date|day)|in\s+what\s+(?:year|month))", RegexOptions.IgnoreCase)]
    private static partial Regex DateQuestion();
}
