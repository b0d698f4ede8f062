using NewsBot.Answering.Comparison;
using NewsBot.Core.Answering;
using NewsBot.Answering.Embeddings;
using NewsBot.Core.Search;
using NewsBot.Core.Storage;

namespace NewsBot.Answering.Questions;

/// <summary>
/// The first step of every answer: rewrite a follow-up to stand on its own, then read the question once into a
/// <see cref="QuestionIntent"/> (the store's outlet list read once, the question embedded once).
/// </summary>
public sealed class QuestionUnderstanding(IQuestionRewriter rewriter, QuestionAnalyzer analyzer, INewsStore store, RememberedEmbeddings embeddings)
{
    public async Task<QuestionIntent> UnderstandAsync(AnswerRequest request, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(request.Question);
        var question = await rewriter.RewriteAsync(request.Question, request.Turns, cancellationToken);
        var sources = await store.GetSourcesAsync(cancellationToken);
        var subject = WithoutOutletNames(question, sources);
        return new QuestionIntent
        {
            Question = question,
            Subject = subject,
            Sources = sources,
            Outlets = OutletMatcher.Find(question, sources),
            OutletsNotHeld = NamedOutlets.Unknown(question, sources),
            Topics = TopicWords.In(subject),
            Names = NamedSubjects.In(subject),
            Time = analyzer.Analyze(subject),
            Expects = ExpectedAnswers.Of(question),
            Parts = ReportComparison.Parts(question, sources),
            Vector = await embeddings.EmbedQueryAsync(question, cancellationToken),
        };
    }

    private static string WithoutOutletNames(string question, IEnumerable<string> sources) =>
        sources.OrderByDescending(s => s.Length).Aggregate(question, (q, s) => q.Replace(s, " ", StringComparison.Ordinal));
}
