using System.Text.RegularExpressions;
using NewsBot.Answering.Retrieval;
using NewsBot.Core.Answering;
using NewsBot.Core.Chunking;
using NewsBot.Core.Search;
using NewsBot.Core.Text;

namespace NewsBot.Answering.Citations;

/// <summary>
/// Turns [n] markers that point at retrieved passages (1-based, in retrieval order) into the citations a user sees:
/// markers that point at nothing are removed, passages of the same article share one number, numbers follow the
/// order of first use, and each citation quotes the passage's own words that best support the sentence citing it.
/// </summary>
public static partial class CitationBuilder
{
    private const int MaxQuoteChars = 300;

    public static (string Text, IReadOnlyList<Citation> Citations) Build(string text, IReadOnlyList<NewsPassage> passages)
    {
        var numbers = new Dictionary<string, int>(StringComparer.Ordinal);
        var citations = new List<Citation>();

        var rewritten = CitationMarkers.Pattern.Replace(text, match =>
        {
            var sentence = SentenceAround(text, match.Index);
            var cited = new List<int>();
            foreach (var token in match.Groups["list"].Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                if (!int.TryParse(token, out var n) || n < 1 || n > passages.Count)
                {
                    continue; // A marker the retrieved passages cannot back is dropped.
                }

                var passage = passages[n - 1];
                if (!numbers.TryGetValue(passage.ArticleId, out var number))
                {
                    var quote = Quote(passage, sentence);
                    if (quote is null)
                    {
                        continue;
                    }

                    number = citations.Count + 1;
                    numbers[passage.ArticleId] = number;
                    citations.Add(new Citation(number, passage.ArticleId, passage.PassageId, passage.Title, passage.Source, passage.PublishedAt, passage.Url, quote) { AlsoReportedBy = passage.AlsoReportedBy });
                }

                if (!cited.Contains(number))
                {
                    cited.Add(number);
                }
            }

            return string.Concat(cited.Select(n => $"[{n}]"));
        });

        return (Tidy(rewritten), citations);
    }

    /// <summary>The sentence of the passage that shares the most words with the citing sentence; always the passage's own text.</summary>
    public static string? Quote(NewsPassage passage, string citingSentence)
    {
        var wanted = QueryTerms.Extract(citingSentence).ToHashSet(StringComparer.Ordinal);
        var best = passage.Body.Split("\n\n")
            .SelectMany(SentenceSplitter.Split)
            .Select((s, i) => (Sentence: s, Index: i, Shared: QueryTerms.Extract(s).Count(wanted.Contains)))
            .OrderByDescending(s => s.Shared)
            .ThenBy(s => s.Index)
            .Select(s => s.Sentence)
            .FirstOrDefault();
        if (best is null)
        {
            return null;
        }

        var cut = best.Length <= MaxQuoteChars ? best.Length : best.LastIndexOf(' ', MaxQuoteChars);
        var quote = best[..(cut > 0 ? cut : MaxQuoteChars)];
        return passage.Text.Contains(quote, StringComparison.Ordinal) ? quote : null;
    }

    /// <summary>The sentence a marker belongs to: the text before it back to the previous sentence end.</summary>
    private static string SentenceAround(string text, int index)
    {
        var end = index;
        while (end > 0 && (char.IsWhiteSpace(text[end - 1]) || ".!?]".Contains(text[end - 1], StringComparison.Ordinal)))
        {
            end--;
        }

        var start = end == 0 ? 0 : text.LastIndexOfAny(['.', '!', '?', '\n'], end - 1) + 1;
        return text[start..end];
    }

    private static string Tidy(string text)
    {
        text = CitationMarkers.Deduplicate(text);
        text = SpaceBeforeMarker().Replace(text, " [");
        text = SpaceBeforePunctuation().Replace(text, "$1");
        return MultipleSpaces().Replace(text, " ").Trim();
    }

    [GeneratedRegex(@"[ \t]+\[")]
    private static partial Regex SpaceBeforeMarker();

    [GeneratedRegex(@"[ \t]+([.,;:!?])")]
    private static partial Regex SpaceBeforePunctuation();

    [GeneratedRegex(@"[ \t]{2,}")]
    private static partial Regex MultipleSpaces();
}
