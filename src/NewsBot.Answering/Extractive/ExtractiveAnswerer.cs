using System.Numerics.Tensors;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using NewsBot.Answering.Embeddings;
using NewsBot.Answering.Retrieval;
using NewsBot.Core.Chunking;
using NewsBot.Core.Embeddings;
using NewsBot.Core.Search;
using NewsBot.Core.Text;

namespace NewsBot.Answering.Extractive;

/// <summary>
/// Answers without a language model: scores every sentence of the retrieved passages by its similarity to the
/// question (the local embedding model) and the question words it contains, drops near-duplicates, and quotes the
/// best few, each marked with the passage it comes from. When reports of the same fact give different figures,
/// both are shown with outlet and date.
/// </summary>
public sealed partial class ExtractiveAnswerer(NewsEmbedder embedder, RememberedEmbeddings remembered, IOptions<AnsweringOptions> options)
{
    private const double DuplicateSimilarity = 0.9;
    private const double SameFactSimilarity = 0.7;
    private readonly AnsweringOptions _options = options.Value;

    /// <summary>Text with [n] markers (n = 1-based passage index), or null when nothing relevant enough was found.</summary>
    /// <param name="preferRecent">Lead with the newest report among the strong candidates ("what is the latest ...").</param>
    public async Task<string?> DraftAsync(string question, IReadOnlyList<NewsPassage> passages, bool preferRecent, CancellationToken cancellationToken) =>
        await DraftAsync(question, await embedder.EmbedQueryAsync(question, cancellationToken), passages, preferRecent, cancellationToken);

    /// <param name="questionVector">The question already embedded (as a query).</param>
    /// <param name="aboutSubject">
    /// The question asks only what the news says about its subject ("Tell me about Jonas Vell"): a sentence read
    /// under its headline that has every word of the subject answers it, however little it sounds like the question's
    /// wording; one that lacks a word of it does not.
    /// </param>
    public async Task<string?> DraftAsync(string question, ReadOnlyMemory<float> questionVector, IReadOnlyList<NewsPassage> passages, bool preferRecent, CancellationToken cancellationToken, bool aboutSubject = false)
    {
        var candidates = await ScoreAsync(question, questionVector, passages, cancellationToken);
        if (aboutSubject)
        {
            var terms = SubjectTerms(question);
            candidates = candidates.Where(c => c.IsAbout(terms)).ToArray();
        }
        else if (candidates.Count > 0 && (candidates.Max(c => c.Similarity) < _options.MinSimilarity || candidates[0].Score < _options.MinRelevance))
        {
            return null;
        }

        if (candidates.Count == 0)
        {
            return null;
        }

        if (preferRecent)
        {
            var lead = candidates.Where(c => c.Score >= 0.85 * candidates[0].Score).MaxBy(c => passages[c.Passage].PublishedAt ?? DateTimeOffset.MinValue)!;
            candidates = [lead, .. candidates.Where(c => !ReferenceEquals(c, lead))];
        }

        var chosen = Choose(candidates);
        var weights = TermWeights(question, candidates.Select(c => c.Text).ToArray());
        var conflict = FindConflict(chosen[0], candidates, passages, weights);
        if (conflict is not null)
        {
            return DescribeConflict(chosen[0], conflict, passages);
        }

        return string.Join(' ', Readable(chosen, passages).Select(c => Cite(c.Text, c.Passage)));
    }

    /// <summary>How many distinct words (stemmed) say what <paramref name="subject"/> is: what <see cref="SentenceCandidate.IsAbout"/> counts.</summary>
    internal static int SubjectTerms(string subject) => QueryTerms.Extract(subject).Select(Stem).Distinct(StringComparer.Ordinal).Count();

    /// <summary>A passage's sentences, paragraph by paragraph (<see cref="PassageSentences"/>).</summary>
    internal static IReadOnlyList<string> SentencesOf(NewsPassage passage) => PassageSentences.Of(passage.Text);

    /// <summary>
    /// The chosen sentences, best first, except that a sentence opening with a pronoun ("She urged NATO ...") comes
    /// after the sentence before it in its passage, which names whom it means: that sentence is moved up when it was
    /// chosen too, and added when it was not.
    /// </summary>
    private static List<SentenceCandidate> Readable(List<SentenceCandidate> chosen, IReadOnlyList<NewsPassage> passages)
    {
        var ordered = chosen.ToList();
        for (var i = 0; i < ordered.Count; i++)
        {
            var sentence = ordered[i];
            if (!OpensWithPronoun().IsMatch(sentence.Text) || sentence.Position == 0
                || ordered.Take(i).Any(c => c.Passage == sentence.Passage && c.Position == sentence.Position - 1))
            {
                continue;
            }

            var later = ordered.FindIndex(i + 1, c => c.Passage == sentence.Passage && c.Position == sentence.Position - 1);
            var antecedent = later >= 0 ? ordered[later] : sentence with { Text = SentencesOf(passages[sentence.Passage])[sentence.Position - 1], Position = sentence.Position - 1 };
            if (later >= 0)
            {
                ordered.RemoveAt(later);
            }

            ordered.Insert(i, antecedent);
            i++;
        }

        return ordered;
    }

    internal async Task<IReadOnlyList<SentenceCandidate>> ScoreAsync(string question, IReadOnlyList<NewsPassage> passages, CancellationToken cancellationToken) =>
        await ScoreAsync(question, await embedder.EmbedQueryAsync(question, cancellationToken), passages, cancellationToken);

    internal async Task<IReadOnlyList<SentenceCandidate>> ScoreAsync(string question, ReadOnlyMemory<float> questionVector, IReadOnlyList<NewsPassage> passages, CancellationToken cancellationToken)
    {
        var split = passages.Select(SentencesOf).ToArray();
        var sentences = split
            .SelectMany((all, i) => all.Select((s, position) => (Text: s, Passage: i, Position: position)))
            .Where(s => WordCount(s.Text) is >= 4 and <= 90 && !InstructionFilter.LooksLikeInstruction(s.Text))
            .DistinctBy(s => s.Text, StringComparer.Ordinal)
            .ToArray();
        if (sentences.Length == 0)
        {
            return [];
        }

        var vectors = await SentenceVectorReader.ReadAsync(sentences, passages, split.Select(all => all.Count).ToArray(), questionVector.Length, remembered, cancellationToken);

        // A sentence is read under its headline: the words of the story's subject count as present in each of its
        // sentences, so within a story the sentence with the asked-for detail ("how many stops") wins over the lead.
        var inContext = sentences.Select(s => passages[s.Passage].Title + " " + s.Text).ToArray();
        var weights = TermWeights(question, inContext);

        return sentences
            .Select((s, i) => new SentenceCandidate(s.Text, s.Passage, s.Position, vectors[i], TensorPrimitives.Dot(questionVector.Span, vectors[i].Span), Overlap(weights, inContext[i])))
            .OrderByDescending(c => c.Score)
            .ToArray();
    }

    private List<SentenceCandidate> Choose(IReadOnlyList<SentenceCandidate> candidates)
    {
        var chosen = new List<SentenceCandidate> { candidates[0] };
        var words = WordCount(candidates[0].Text);
        foreach (var candidate in candidates.Skip(1))
        {
            if (chosen.Count >= _options.MaxSentences || candidate.Score < 0.85 * candidates[0].Score)
            {
                break;
            }

            var length = WordCount(candidate.Text);
            if (words + length > _options.MaxWords || chosen.Any(c => Similarity(c, candidate) > DuplicateSimilarity))
            {
                continue;
            }

            chosen.Add(candidate);
            words += length;
        }

        return chosen;
    }

    /// <summary>
    /// A sentence of another article on the same story (its passage matches the question about as well as the best
    /// one's) that states the same kind of figure (e.g. "billion", "percent") with another value.
    /// </summary>
    private static SentenceCandidate? FindConflict(SentenceCandidate best, IReadOnlyList<SentenceCandidate> candidates, IReadOnlyList<NewsPassage> passages, Dictionary<string, double> weights)
    {
        var figures = Figures(best.Text);
        if (figures.Count == 0)
        {
            return null;
        }

        var storyMatch = 0.75 * Overlap(weights, passages[best.Passage].Body);
        return candidates
            .Where(c => passages[c.Passage].ArticleId != passages[best.Passage].ArticleId)
            .Where(c => Similarity(c, best) >= SameFactSimilarity && Overlap(weights, passages[c.Passage].Body) >= storyMatch)
            .Where(c => Figures(c.Text) is var other && other.Keys.Any(unit => figures.TryGetValue(unit, out var values) && !values.SetEquals(other[unit])))
            .MaxBy(c => Similarity(c, best));
    }

    /// <summary>The sentence with its marker before the closing punctuation: "... in Tokyo [1]."</summary>
    internal static string Cite(string sentence, int passage)
    {
        var end = sentence.Length;
        while (end > 0 && ".!?\"'”’)".Contains(sentence[end - 1], StringComparison.Ordinal))
        {
            end--;
        }

        return $"{sentence[..end]} [{passage + 1}]{sentence[end..]}";
    }

    private static string DescribeConflict(SentenceCandidate a, SentenceCandidate b, IReadOnlyList<NewsPassage> passages)
    {
        var reports = new[] { a, b }.OrderByDescending(c => passages[c.Passage].PublishedAt ?? DateTimeOffset.MinValue).ToArray();
        var lines = reports.Select(c => $"- {Attribution(passages[c.Passage])}: {Cite(c.Text, c.Passage)}");
        return "Reports differ:\n" + string.Join('\n', lines) + "\nThe first is the more recent report.";
    }

    [GeneratedRegex(@"^(?:He|She|They|It|His|Her|Their|Its|Him|Them)\b")]
    private static partial Regex OpensWithPronoun();

    private static string Attribution(NewsPassage passage)
    {
        var date = (passage.PublishedAt is { } published ? Dates.Spoken(published) : null);
        return string.Join(", ", new[] { passage.Source ?? "Unknown outlet", date }.Where(s => s is not null));
    }

    /// <summary>Question words weighted by how rare they are among the candidate sentences.</summary>
    private static Dictionary<string, double> TermWeights(string question, IReadOnlyList<string> sentences)
    {
        var terms = QueryTerms.Extract(question).Select(Stem).Distinct().ToArray();
        var sentenceTerms = sentences.Select(s => QueryTerms.Extract(s).Select(Stem).ToHashSet()).ToArray();
        return terms.ToDictionary(t => t, t => Math.Log(1 + (sentences.Count / (1.0 + sentenceTerms.Count(st => st.Contains(t))))));
    }

    private static double Overlap(Dictionary<string, double> weights, string sentence)
    {
        var total = weights.Values.Sum();
        if (total <= 0)
        {
            return 0;
        }

        var present = QueryTerms.Extract(sentence).Select(Stem).ToHashSet();
        return weights.Where(w => present.Contains(w.Key)).Sum(w => w.Value) / total;
    }

    private static double Similarity(SentenceCandidate a, SentenceCandidate b) => TensorPrimitives.Dot(a.Vector.Span, b.Vector.Span);

    /// <summary>Figures by the word that follows them (<see cref="NewsBot.Core.Text.Figures.ByUnit"/>).</summary>
    internal static Dictionary<string, HashSet<string>> Figures(string sentence) => NewsBot.Core.Text.Figures.ByUnit(sentence);

    private static string Stem(string word) => Stems.Of(word);

    private static int WordCount(string text) => text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
}
