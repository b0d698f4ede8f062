using NewsBot.Answering.Citations;
using NewsBot.Answering.Extractive;
using NewsBot.Answering.Questions;
using NewsBot.Answering.Retrieval;
using NewsBot.Answering.Verification;
using NewsBot.Core.Answering;
using NewsBot.Core.Storage;
using NewsBot.Core.Text;

namespace NewsBot.Answering.Declining;

/// <summary>
/// The declining step: what NewsBot says when the news it holds cannot answer, always naming why (an outlet it does
/// not read, a subject no story covers, a fact no story gives) and how recent its news is. Declined answers are never
/// presented as answers by any channel.
/// </summary>
public sealed class AnswerDecliner(INewsStore store)
{
    public Task<Answer> OutletsNotHeldAsync(QuestionIntent intent, CancellationToken cancellationToken) =>
        DeclineAsync(intent, $"I don't have any articles from {string.Join(" or ", intent.OutletsNotHeld)}, so I can't say what they reported. ", cancellationToken);

    public Task<Answer> NotCoveredAsync(QuestionIntent intent, IReadOnlyList<string> subjects, CancellationToken cancellationToken) =>
        DeclineAsync(intent, $"I couldn't find anything about {string.Join(" or ", subjects)} in the news I have. ", cancellationToken);

    public Task<Answer> NothingFoundAsync(QuestionIntent intent, IReadOnlyList<NamedSubject> missingNames, CancellationToken cancellationToken)
    {
        var subject = missingNames.Count > 0 ? string.Join(" or ", missingNames.Select(n => n.Text)) : "that";
        var period = intent.Time.Period is null ? "" : $" from {intent.Time.Period}";
        return DeclineAsync(intent, $"I couldn't find anything about {subject} in the news I have{period}. ", cancellationToken);
    }

    /// <summary>
    /// The news covers the question's subject but not the fact it asks for (a figure, a date): say so plainly, and
    /// what the news does say about it, cited. Null when the draft has no cited sentence to offer.
    /// </summary>
    public static Answer? NotSaid(QuestionIntent intent, string draft, IReadOnlyList<NewsPassage> passages)
    {
        var said = SupportCheck.Sentences(draft).FirstOrDefault(s => s.Contains('[', StringComparison.Ordinal)
            && !s.StartsWith("Reports differ", StringComparison.Ordinal) && !s.StartsWith(MostNamed.Prefix, StringComparison.Ordinal));
        if (said is null)
        {
            return null;
        }

        var (text, citations) = CitationBuilder.Build($"None of the news I have says {AskedFact.Asked(intent.Question)}. What it does say: {said.TrimStart('-', ' ')}", passages);
        return citations.Count == 0 ? null : new Answer(text, citations, true, intent.Question, null, citations.Max(c => c.PublishedAt));
    }

    public async Task<Answer> DeclineAsync(QuestionIntent intent, string reason, CancellationToken cancellationToken)
    {
        var stats = await store.GetStatsAsync(cancellationToken);
        var text = stats.Articles == 0
            ? "I don't have any news stored yet, so I can't answer that."
            : reason + (stats.Newest is { } newest ? $"My newest article is from {Dates.Spoken(newest)}." : "");
        return new Answer(text.Trim(), [], true, intent.Question, null, stats.Newest);
    }
}
