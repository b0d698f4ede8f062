using System.Globalization;
using Microsoft.Extensions.Options;
using NewsBot.Core.Articles;

namespace NewsBot.Core.Chunking;

/// <summary>
/// Cuts an article into sentence-aligned passages of about <see cref="ChunkingOptions.MinWords"/> to
/// <see cref="ChunkingOptions.MaxWords"/> words, each overlapping the previous one by its closing sentences,
/// each headed by title, outlet and date, and none longer than <see cref="ChunkingOptions.MaxChars"/>.
/// </summary>
public sealed class PassageChunker(IOptions<ChunkingOptions> options)
{
    private const int MaxHeaderChars = 300;
    private readonly ChunkingOptions _options = options.Value;

    public static string HeaderFor(Article article)
    {
        var date = article.PublishedAt?.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var byline = string.Join(' ', new[] { article.Source, date }.Where(s => !string.IsNullOrEmpty(s)));
        var title = article.Title;
        var room = MaxHeaderChars - byline.Length - 3;
        if (title.Length > room)
        {
            title = title[..Math.Max(0, room - 1)].TrimEnd() + "…";
        }

        return byline.Length == 0 ? title : $"{title} / {byline}";
    }

    public IReadOnlyList<Passage> Chunk(Article article)
    {
        var header = HeaderFor(article) + "\n";
        var budget = _options.MaxChars - header.Length;
        var sentences = article.Body.Split("\n\n")
            .SelectMany(SentenceSplitter.Split)
            .SelectMany(s => SplitOverlong(s, budget))
            .ToList();

        var passages = new List<Passage>();
        var current = new List<string>();
        var words = 0;
        var chars = 0;
        var freshSentences = 0;

        foreach (var sentence in sentences)
        {
            var sentenceWords = CountWords(sentence);
            var fits = words + sentenceWords <= _options.MaxWords && chars + sentence.Length + 1 <= budget;
            var closeToTarget = words >= _options.MinWords && words + sentenceWords > (_options.MinWords + _options.MaxWords) / 2;
            if (freshSentences > 0 && (!fits || closeToTarget))
            {
                passages.Add(Make(article, header, current, passages.Count));
                current = Overlap(current, budget - sentence.Length - 1);
                words = current.Sum(CountWords);
                chars = current.Sum(s => s.Length + 1);
                freshSentences = 0;
            }

            current.Add(sentence);
            words += sentenceWords;
            chars += sentence.Length + 1;
            freshSentences++;
        }

        if (freshSentences > 0)
        {
            passages.Add(Make(article, header, current, passages.Count));
        }

        return passages;
    }

    /// <summary>The closing sentences of a passage, up to the overlap size, that still leave room for the next sentence.</summary>
    private List<string> Overlap(List<string> previous, int room)
    {
        var kept = new List<string>();
        var words = 0;
        var chars = 0;
        for (var i = previous.Count - 1; i > 0; i--)
        {
            var w = CountWords(previous[i]);
            if (words + w > _options.OverlapWords || chars + previous[i].Length + 1 > room)
            {
                break;
            }

            kept.Insert(0, previous[i]);
            words += w;
            chars += previous[i].Length + 1;
        }

        return kept;
    }

    /// <summary>A sentence longer than a whole passage may hold is cut between words: the one case where a cut inside a sentence is unavoidable.</summary>
    private IEnumerable<string> SplitOverlong(string sentence, int budget)
    {
        if (CountWords(sentence) <= _options.MaxWords && sentence.Length <= budget)
        {
            yield return sentence;
            yield break;
        }

        var piece = new List<string>();
        var length = 0;
        foreach (var word in sentence.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var w = word.Length > budget ? word[..budget] : word;
            if (piece.Count > 0 && (piece.Count >= _options.MaxWords || length + w.Length + 1 > budget))
            {
                yield return string.Join(' ', piece);
                piece.Clear();
                length = 0;
            }

            piece.Add(w);
            length += w.Length + 1;
        }

        if (piece.Count > 0)
        {
            yield return string.Join(' ', piece);
        }
    }

    private static Passage Make(Article article, string header, List<string> sentences, int index) =>
        new(Passage.IdFor(article.Id, index), article.Id, index, header + string.Join(' ', sentences));

    private static int CountWords(string text) =>
        text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
}
