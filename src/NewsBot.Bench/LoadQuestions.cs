using System.Text.Json.Nodes;
using NewsBot.Core.Storage;
using NewsBot.Store.Embedded;

namespace NewsBot.Bench;

/// <summary>
/// What the load test asks. By default the sample questions, repeated (after the first round every vector the bot
/// needs is remembered: a warm-cache figure). With a questions file, each question is asked once by one
/// conversation and never again, the file's questions first and then questions about the stored headlines (when the
/// bot runs on a copied store), so no turn finds its work remembered; the run ends when they run out.
/// </summary>
public sealed class LoadQuestions
{
    /// <summary>Questions about one stored article: {0} its headline, {1} its outlet.</summary>
    private static readonly string[] HeadlineForms =
    [
        "What happened with \"{0}\"?", "Who is involved in the story \"{0}\"?", "Tell me about {0}", "What did {1} report about \"{0}\"?",
        "When was \"{0}\" reported?", "Why does \"{0}\" matter?", "What are the key figures in \"{0}\"?", "Which outlets covered \"{0}\"?",
    ];

    private readonly string[] _questions;
    private int _next = -1;

    private LoadQuestions(string[] questions, bool unseen) => (_questions, Unseen) = (questions, unseen);

    /// <summary>Whether every question is asked once only.</summary>
    public bool Unseen { get; }

    public int Count => _questions.Length;

    /// <summary>How many questions were handed out.</summary>
    public int Asked => Math.Min(Volatile.Read(ref _next) + 1, Unseen ? _questions.Length : int.MaxValue);

    public static LoadQuestions Repeated() => new(ReadFile(Path.Combine(BotUnderTest.RepositoryRoot(), "samples", "questions.jsonl")), unseen: false);

    /// <param name="dataDirectory">The bot's own copy of the stores, whose headlines are asked about too; null for the file alone.</param>
    public static async Task<LoadQuestions> UnaskedAsync(string file, string? dataDirectory)
    {
        if (!File.Exists(file))
        {
            throw new FileNotFoundException($"No questions file at {file}.", file);
        }

        var headlines = dataDirectory is null ? [] : (await HeadlinesAsync(dataDirectory)).SelectMany(h => HeadlineForms.Select(f => string.Format(System.Globalization.CultureInfo.InvariantCulture, f, h.Title, h.Outlet)));
        var questions = ReadFile(file).Concat(headlines).Distinct(StringComparer.Ordinal).ToArray();
        new Random(7).Shuffle(questions);
        return new LoadQuestions(questions, unseen: true);
    }

    /// <summary>The next question, or null when every unseen question has been asked.</summary>
    public string? Next()
    {
        var n = Interlocked.Increment(ref _next);
        return Unseen ? (n < _questions.Length ? _questions[n] : null) : _questions[n % _questions.Length];
    }

    private static string[] ReadFile(string file) =>
        File.ReadLines(file).Where(l => !string.IsNullOrWhiteSpace(l))
            .Select(l => l.TrimStart().StartsWith('{') ? (string?)(JsonNode.Parse(l)?["query"] ?? JsonNode.Parse(l)?["question"]) : l.Trim())
            .OfType<string>().ToArray();

    private static async Task<IEnumerable<(string Title, string Outlet)>> HeadlinesAsync(string dataDirectory) =>
        (await new EmbeddedNewsStore(dataDirectory).GetLatestArticlesAsync(int.MaxValue, SearchFilter.None))
            .OrderBy(a => a.Id, StringComparer.Ordinal).Select(a => (a.Title, a.Source ?? "the news"));
}
