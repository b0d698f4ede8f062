using NewsBot.Core.Search;

namespace NewsBot.Store.Qdrant;

/// <summary>
/// Keyword vectors for Qdrant's sparse index: each word hashed to a dimension, weighted by a saturated term frequency
/// (BM25's tf part, k1 = 1.2); Qdrant's IDF modifier supplies the rarity part, so the sparse dot product is BM25-like.
/// </summary>
public static class SparseTerms
{
    private const float K1 = 1.2f;

    public static (float[] Values, uint[] Indices) ForPassage(string text)
    {
        var counts = QueryTerms.Tokens(text).GroupBy(Index).ToDictionary(g => g.Key, g => g.Count());
        var indices = counts.Keys.Order().ToArray();
        return (indices.Select(i => counts[i] * (K1 + 1) / (counts[i] + K1)).ToArray(), indices);
    }

    /// <summary>
    /// The query's words through the same tokenizer as passages (lower case, letter and digit runs, stop words
    /// dropped), so "Mayor\"" finds "mayor" and "OR" or "the" match nothing, as in the embedded store.
    /// </summary>
    public static (float[] Values, uint[] Indices) ForQuery(IEnumerable<string> terms)
    {
        var indices = QueryTerms.Tokens(string.Join(' ', terms)).Select(Index).Distinct().Order().ToArray();
        return (indices.Select(_ => 1f).ToArray(), indices);
    }

    /// <summary>FNV-1a: stable across processes and machines, unlike string.GetHashCode.</summary>
    public static uint Index(string term)
    {
        unchecked
        {
            var hash = 2166136261u;
            foreach (var c in term)
            {
                hash = (hash ^ c) * 16777619u;
            }

            return hash;
        }
    }
}
