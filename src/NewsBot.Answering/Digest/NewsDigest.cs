using NewsBot.Answering.Extractive;
using NewsBot.Answering.Retrieval;
using NewsBot.Core.Articles;
using NewsBot.Core.Chunking;

namespace NewsBot.Answering.Digest;

/// <summary>
/// The answer to a question about no subject in particular ("What happened yesterday?"): the newest articles of the
/// period and outlets asked for, each as its headline and its lead sentence, cited like any answer.
/// </summary>
public static class NewsDigest
{
    private const int LeadWords = 45;

    /// <summary>The draft (with [n] markers) and the passages its markers point at: each article's lead.</summary>
    /// <param name="articles">The articles to list, each with the other outlets that ran its text.</param>
    public static (string Draft, IReadOnlyList<NewsPassage> Passages) Compose(string heading, IReadOnlyList<(Article Article, IReadOnlyList<string> AlsoReportedBy)> articles)
    {
        var passages = articles.Select(x => new NewsPassage
        {
            PassageId = Passage.IdFor(x.Article.Id, 0),
            ArticleId = x.Article.Id,
            Title = x.Article.Title,
            Source = x.Article.Source,
            PublishedAt = x.Article.PublishedAt,
            Url = x.Article.Url,
            Text = x.Article.Title + "\n" + Lead(x.Article.Body),
            AlsoReportedBy = x.AlsoReportedBy,
        }).ToArray();
        var lines = passages.Select((p, i) => $"- **{p.Title}**: {ExtractiveAnswerer.Cite(p.Body, i)}");
        return (heading + "\n" + string.Join('\n', lines), passages);
    }

    /// <summary>The first sentence of the story, and the next one too when the first is short.</summary>
    public static string Lead(string body)
    {
        var sentences = SentenceSplitter.Split(body.Split("\n\n")[0]).Where(s => !InstructionFilter.LooksLikeInstruction(s)).ToArray();
        var lead = new List<string>();
        foreach (var sentence in sentences)
        {
            var words = lead.Sum(s => s.Split(' ').Length);
            if (lead.Count > 0 && words + sentence.Split(' ').Length > LeadWords)
            {
                break;
            }

            lead.Add(sentence);
            if (words + sentence.Split(' ').Length >= LeadWords / 3)
            {
                break;
            }
        }

        return lead.Count > 0 ? string.Join(' ', lead) : body;
    }
}
