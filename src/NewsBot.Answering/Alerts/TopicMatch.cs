using NewsBot.Answering.Questions;
using NewsBot.Core.Articles;
using NewsBot.Core.Search;
using NewsBot.Core.Text;

namespace NewsBot.Answering.Alerts;

/// <summary>
/// Whether an article is about a followed topic: every word of the topic appears in its headline or text, a plural
/// matching its singular ("tram strikes" matches "tram strike").
/// </summary>
public static class TopicMatch
{
    public static IReadOnlyList<string> Words(string topic) => TopicWords.In(topic).Select(Stems.Of).Distinct(StringComparer.Ordinal).ToArray();

    public static bool IsAbout(Article article, IReadOnlyList<string> words)
    {
        if (words.Count == 0)
        {
            return false;
        }

        var terms = QueryTerms.StemSet(article.Title + "\n" + article.Body);
        return words.All(terms.Contains);
    }
}
