using NewsBot.Core.Storage;

namespace NewsBot.Store.Embedded;

/// <summary>
/// The full-text index of one generation of the store, in memory: each indexed token's passages and counts, read
/// from FTS5's own index (so the tokens are FTS5's, stemmed and folded as it does), and ranked with FTS5's own bm25
/// (k1 1.2, b 0.75, the same idf floor, the same order of additions), so a search returns what the SQL search
/// returns, without SQLite computing bm25 for every matching row of every query.
/// </summary>
internal sealed class KeywordIndex
{
    private const double K1 = 1.2;
    private const double B = 0.75;

    private readonly Dictionary<string, (int[] Docs, int[] Counts)> _postings;
    private readonly long[] _rowIds;
    private readonly int[] _lengths;
    private readonly long _rows;
    private readonly double _averageLength;

    /// <param name="rowIds">The passages holding at least one token.</param>
    /// <param name="rows">Every passage in the full-text index, those without a token included (FTS5's row count).</param>
    public KeywordIndex(long generation, Dictionary<string, (int[] Docs, int[] Counts)> postings, long[] rowIds, int[] lengths, long rows)
    {
        Generation = generation;
        _postings = postings;
        _rowIds = rowIds;
        _lengths = lengths;
        _rows = rows;
        _averageLength = rows == 0 ? 0 : (double)lengths.Sum(l => (long)l) / rows;
    }

    /// <summary>The store generation this index was read at: it answers only for that generation.</summary>
    public long Generation { get; }

    public long Count => _rows;

    public bool Contains(string token) => _postings.ContainsKey(token);

    /// <summary>
    /// The best passages for any of the tokens (each one of the query's words, in the query's order, repeats kept as
    /// FTS5 keeps them), ranked by bm25, highest first; ties by rowid. A filtered search keeps the passages the
    /// store's vector snapshot of the same generation says pass it (the snapshot holds each passage's outlet and date).
    /// </summary>
    public IReadOnlyList<(long RowId, double Score)> Search(IReadOnlyList<string> tokens, SearchFilter filter, VectorSnapshot? snapshot, int top)
    {
        var scores = new double[_rowIds.Length];
        var matched = new List<int>();
        var rows = (double)_rows;
        foreach (var token in tokens)
        {
            if (!_postings.TryGetValue(token, out var posting))
            {
                continue;
            }

            // FTS5: idf = log((N - n + 0.5) / (n + 0.5)), floored at 1e-6 for words in most passages.
            var hits = (double)posting.Docs.Length;
            var idf = Math.Log((rows - hits + 0.5) / (hits + 0.5));
            if (idf <= 0.0)
            {
                idf = 1e-6;
            }

            for (var i = 0; i < posting.Docs.Length; i++)
            {
                var doc = posting.Docs[i];
                if (scores[doc] == 0.0)
                {
                    matched.Add(doc);
                }

                double frequency = posting.Counts[i];
                scores[doc] += idf * (frequency * (K1 + 1.0) / (frequency + K1 * (1 - B + B * _lengths[doc] / _averageLength)));
            }
        }

        return matched
            .Where(doc => filter.IsEmpty || snapshot!.Passes(_rowIds[doc], filter))
            .OrderByDescending(doc => scores[doc]).ThenBy(doc => _rowIds[doc])
            .Take(top)
            .Select(doc => (_rowIds[doc], scores[doc]))
            .ToArray();
    }
}
