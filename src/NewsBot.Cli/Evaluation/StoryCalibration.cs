using System.Numerics.Tensors;
using System.Text.Json;
using NewsBot.Core.Articles;
using NewsBot.Core.Stories;

namespace NewsBot.Cli.Evaluation;

/// <summary>
/// How well the story thresholds separate reports of one event: pairs of articles from different outlets that a
/// comparison question cites together (same event, gold) against every other pair published within the window.
/// For each threshold, with and without a shared name: the share of gold pairs it joins and how many other pairs it
/// joins too.
/// </summary>
internal sealed class StoryCalibration
{
    private readonly List<(string Id, Article Article, float[] Vector, IReadOnlySet<string> Names)> _articles = [];

    public void Add(Article article, float[] vector) => _articles.Add((article.Id, article, vector, StoryNames.Of(article)));

    /// <summary>Article id pairs cited together, from different outlets, by comparison questions (MultiHop-RAG format).</summary>
    public static IReadOnlySet<(string, string)> GoldPairs(string path)
    {
        var pairs = new HashSet<(string, string)>();
        foreach (var line in File.ReadLines(path).Where(l => !string.IsNullOrWhiteSpace(l)))
        {
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            if (!root.TryGetProperty("question_type", out var type) || type.GetString() != "comparison_query" || !root.TryGetProperty("evidence_list", out var evidence))
            {
                continue;
            }

            var cited = evidence.EnumerateArray()
                .Select(e => (Id: e.TryGetProperty("doc_id", out var id) ? id.GetString() : null, Source: e.TryGetProperty("source", out var s) ? s.GetString() : null))
                .Where(e => e.Id is not null).Distinct().ToArray();
            foreach (var a in cited)
            {
                foreach (var b in cited.Where(b => string.CompareOrdinal(a.Id, b.Id) < 0 && a.Source != b.Source))
                {
                    pairs.Add((a.Id!, b.Id!));
                }
            }
        }

        return pairs;
    }

    public object Sweep(IReadOnlySet<(string, string)> gold, int windowDays, double[] thresholds)
    {
        var scored = new List<(double Similarity, bool SharedName, bool Gold, string A, string B)>();
        var byId = _articles.ToDictionary(a => a.Id, StringComparer.Ordinal);
        for (var i = 0; i < _articles.Count; i++)
        {
            for (var j = i + 1; j < _articles.Count; j++)
            {
                var (a, b) = (_articles[i], _articles[j]);
                var key = string.CompareOrdinal(a.Id, b.Id) < 0 ? (a.Id, b.Id) : (b.Id, a.Id);
                var isGold = gold.Contains(key);
                var apart = a.Article.PublishedAt is { } x && b.Article.PublishedAt is { } y ? Math.Abs((x - y).TotalDays) : 0;
                if (!isGold && apart > windowDays)
                {
                    continue;
                }

                scored.Add((TensorPrimitives.CosineSimilarity(a.Vector, b.Vector), a.Names.Overlaps(b.Names), isGold, $"{a.Article.Source}: {a.Article.Title}", $"{b.Article.Source}: {b.Article.Title}"));
            }
        }

        var goldCount = scored.Count(s => s.Gold);
        return new
        {
            articles = _articles.Count,
            gold_pairs = goldCount,
            gold_pairs_not_held = gold.Count(p => !byId.ContainsKey(p.Item1) || !byId.ContainsKey(p.Item2)),
            other_pairs_in_window = scored.Count - goldCount,
            thresholds = thresholds.Select(t => new
            {
                similarity = t,
                gold_joined = Share(scored.Count(s => s.Gold && s.Similarity >= t), goldCount),
                gold_joined_with_shared_name = Share(scored.Count(s => s.Gold && s.Similarity >= t && s.SharedName), goldCount),
                other_pairs_joined = scored.Count(s => !s.Gold && s.Similarity >= t),
                other_pairs_joined_with_shared_name = scored.Count(s => !s.Gold && s.Similarity >= t && s.SharedName),
            }).ToArray(),

            // Pairs from each band, to judge by their headlines whether they report one event.
            examples = thresholds.Zip(thresholds.Skip(1).Append(1.01)).Select(band => new
            {
                from = band.First,
                pairs = scored.Where(s => s.Similarity >= band.First && s.Similarity < band.Second && s.SharedName)
                    .OrderBy(s => StringComparer.Ordinal.GetHashCode(s.A + s.B)).Take(6)
                    .Select(s => $"{s.Similarity:0.000} {(s.Gold ? "gold " : "")}| {s.A} | {s.B}").ToArray(),
            }).ToArray(),
        };
    }

    private static double Share(int part, int whole) => whole == 0 ? 0 : Math.Round((double)part / whole, 4);
}
