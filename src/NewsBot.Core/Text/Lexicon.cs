namespace NewsBot.Core.Text;

/// <summary>
/// The word lists every reader of text shares, once, as data: month and weekday names, question words, and the
/// words that are capitalised in a sentence without naming anyone (function words, pronouns, honorifics, numbers,
/// time and news words). Case-insensitive.
/// </summary>
public static class Lexicon
{
    public static readonly IReadOnlySet<string> Months = Set(
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december");

    public static readonly IReadOnlySet<string> Weekdays = Set("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday");

    public static readonly IReadOnlySet<string> QuestionWords = Set("what", "who", "whom", "whose", "which", "when", "where", "why", "how");

    public static readonly IReadOnlySet<string> Pronouns = Set(
        "i", "me", "my", "we", "you", "it", "its", "he", "she", "they", "his", "her", "their", "our", "this", "that", "these", "those", "there", "here");

    /// <summary>Honorifics and short titles that stand before a name without being part of it.</summary>
    public static readonly IReadOnlySet<string> Honorifics = Set("mr", "mrs", "ms", "dr", "st", "ceo", "cfo", "cto");

    /// <summary>Words that start a sentence or a question capitalised without naming anything.</summary>
    public static readonly IReadOnlySet<string> NotNames = Set(
        [
            .. Months, .. Weekdays, .. QuestionWords, .. Pronouns, .. Honorifics,
            "a", "an", "and", "the", "of", "in", "on", "at", "for", "to", "by", "from", "with", "or", "but", "as", "if",
            "after", "before", "while", "is", "are", "was", "were", "did", "does", "do", "has", "have", "had", "will",
            "would", "can", "could", "should", "according", "yes", "no", "both", "one", "two", "three", "four", "five",
            "six", "seven", "eight", "nine", "ten", "first", "second", "third", "new", "last", "next", "more", "today",
            "yesterday", "tomorrow", "news", "article", "articles", "report", "story", "said", "says",
            "so", "yet", "now", "then", "also", "however", "without", "some", "many", "most", "all", "each", "other",
            "others", "whereas", "meanwhile", "although", "though", "still", "instead", "indeed",
            "officials", "experts", "critics", "residents", "people", "police", "prosecutors", "analysts", "researchers",
        ]);

    /// <summary>Words that make a name a place, a body or a team rather than a person ("Harbour City", "Foreign Ministry").</summary>
    public static readonly IReadOnlySet<string> NotPeople = Set(
        "city", "town", "county", "state", "states", "province", "island", "islands", "lake", "river", "sea", "ocean", "bay",
        "harbour", "harbor", "port", "street", "road", "square", "park", "stadium", "arena", "airport", "station", "district",
        "council", "ministry", "department", "office", "agency", "authority", "commission", "committee", "court", "parliament",
        "senate", "congress", "government", "party", "union", "bank", "fund", "university", "college", "school", "hospital",
        "institute", "museum", "library", "company", "corporation", "corp", "inc", "ltd", "llc", "plc", "group", "holdings",
        "partners", "capital", "ventures", "labs", "research", "technologies", "systems", "media", "news", "times", "post", "wire",
        "herald", "journal", "ledger", "dispatch", "signal", "league", "cup", "club", "fc", "united", "rovers", "city's",
        "association", "federation", "foundation", "organisation", "organization", "alliance", "forces", "army", "navy",
        "police", "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central", "national",
        "international", "global", "world", "asia", "europe", "africa", "america", "pacific", "atlantic", "storm", "hurricane",
        "act", "bill", "plan", "program", "programme", "project", "award", "awards", "prize", "festival", "games", "series",
        "season", "championship", "tournament", "open", "day", "week", "year", "summit", "conference");

    private static HashSet<string> Set(params string[] words) => new(words, StringComparer.OrdinalIgnoreCase);
}
