using NewsBot.Answering.Comparison;
using NewsBot.Core.Answering;
using NewsBot.Answering.Embeddings;
using NewsBot.Core.Search;
using NewsBot.Core.Storage;

namespace NewsBot.Answering.Questions;

/// <summary>
/// The first step of every answer: rewrite a follow-up to stand on its own, then read the question once into a
/// <see cref="QuestionIntent"/> (the store's outlet list read once, the question embedded once), its
/// <see cref="QuestionKind"/> decided here (<see cref="QuestionKinds"/>) and nowhere after.
/// </summary>
public sealed class QuestionUnderstanding(IQuestionRewriter rewriter, QuestionAnalyzer analyzer, INewsStore store, RememberedEmbeddings embeddings)
{
    public async Task<QuestionIntent> UnderstandAsync(AnswerRequest request, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(request.Question);
        if (QuestionKinds.AsksForSources(request.Question))
        {
            // About NewsBot's reading, not the news: nothing to rewrite, embed or search.
            return Sources(request.Question);
        }

        var question = await rewriter.RewriteAsync(request.Question, request.Turns, cancellationToken);
        var sources = await store.GetSourcesAsync(cancellationToken);
        var subject = WithoutOutletNames(question, sources);
        var outletsNotHeld = NamedOutlets.Unknown(question, sources);
        var topics = TopicWords.In(subject);
        var parts = ReportComparison.Parts(question, sources);
        var kind = QuestionKinds.Decide(question, outletsNotHeld.Count, topics.Count == 0, parts.Count);
        var expects = ExpectedAnswers.Of(question);

        // What it is about: without the outlets named, and without the words that frame the question.
        subject = QuestionKinds.WithoutFraming(subject, kind);
        subject = expects == ExpectedAnswer.Overview ? ExpectedAnswers.WithoutOpener(subject) : subject;
        return new QuestionIntent
        {
            Kind = kind,
            Question = question,
            Subject = subject,
            Sources = sources,
            Outlets = OutletMatcher.Find(question, sources),
            OutletsNotHeld = outletsNotHeld,
            Topics = topics,
            Names = NamedSubjects.In(subject),
            Time = analyzer.Analyze(subject),
            Expects = expects,
            Role = ExpectedAnswers.RoleOf(question),
            Parts = parts,
            Claim = ReportComparison.ClaimOf(question, parts),
            Shown = request.Turns.Count > 0 ? request.Turns[^1].Answer : null,
            Vector = await embeddings.EmbedQueryAsync(question, cancellationToken),
        };
    }

    private static QuestionIntent Sources(string question) => new()
    {
        Kind = QuestionKind.Sources,
        Question = question,
        Subject = "",
        Sources = [],
        Outlets = [],
        OutletsNotHeld = [],
        Topics = [],
        Names = [],
        Time = TimeFrame.None,
        Expects = ExpectedAnswer.Any,
        Parts = [],
        Vector = ReadOnlyMemory<float>.Empty,
    };

    private static string WithoutOutletNames(string question, IEnumerable<string> sources) =>
        sources.OrderByDescending(s => s.Length).Aggregate(question, (q, s) => q.Replace(s, " ", StringComparison.Ordinal));
}
