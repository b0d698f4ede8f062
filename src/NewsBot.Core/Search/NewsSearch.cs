using Microsoft.Extensions.Options;
using NewsBot.Core.Embeddings;
using NewsBot.Core.Storage;
using NewsBot.Core.Stories;

namespace NewsBot.Core.Search;

/// <summary>
/// Hybrid search over the store: keyword and vector results fused, with a lane per outlet the question names; a
/// ranker, when one is registered, orders each lane's fused candidates.
/// </summary>
public sealed class NewsSearch(INewsStore store, NewsEmbedder embedder, IOptions<SearchOptions> options, ICopyIndex? copies = null, IPassageRanker? ranker = null)
{
    // Extra hits fetched so that collapsing copies still leaves the number asked for.
    private const int CopiesAllowance = 6;

    private readonly SearchOptions _options = options.Value;

    public async Task<IReadOnlyList<PassageHit>> SearchAsync(string question, SearchFilter? filter = null, int? top = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(question);
        filter ??= SearchFilter.None;
        var count = top ?? _options.DefaultTop;
        if (count < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(top), top, "top must be at least 1");
        }

        var vector = await embedder.EmbedQueryAsync(question, cancellationToken);
        var outlets = _options.OutletLanes && filter.Sources.Count == 0
            ? OutletMatcher.Find(question, await store.GetSourcesAsync(cancellationToken))
            : [];
        return await SearchAsync(question, vector, outlets, filter, count, ranked: true, cancellationToken);
    }

    /// <summary>
    /// The search for a question already embedded, whose named outlets are already known: one lane per outlet (when
    /// outlet lanes are on and the filter names none), else one hybrid search.
    /// </summary>
    /// <param name="ranked">False for the fused order even where a ranker is registered.</param>
    public async Task<IReadOnlyList<PassageHit>> SearchAsync(
        string question, ReadOnlyMemory<float> vector, IReadOnlyList<string> outlets, SearchFilter filter, int top, bool ranked, CancellationToken cancellationToken)
    {
        var terms = QueryTerms.Extract(question);
        var wanted = copies is null ? top : top + CopiesAllowance;
        var query = ranker is null || !ranked ? null : new RankingQuery(question, vector);
        if (!_options.OutletLanes || filter.Sources.Count > 0 || outlets.Count == 0)
        {
            return await OneCopyPerTextAsync(await HybridAsync(query, terms, vector, filter, wanted, cancellationToken), top, cancellationToken);
        }

        var lanes = new List<IReadOnlyList<PassageHit>>();
        foreach (var outlet in outlets)
        {
            lanes.Add(await HybridAsync(query, terms, vector, filter with { Sources = [outlet] }, wanted, cancellationToken));
        }

        return await OneCopyPerTextAsync(HybridFusion.Interleave(lanes, wanted), top, cancellationToken);
    }

    /// <summary>
    /// Copies of one text (syndicated wire copy) collapse into the best-ranked one, which names the other outlets
    /// that ran it; the copies' passages make room for other articles.
    /// </summary>
    private async Task<IReadOnlyList<PassageHit>> OneCopyPerTextAsync(IReadOnlyList<PassageHit> hits, int top, CancellationToken cancellationToken) =>
        (await OneCopyEach.KeepAsync(hits, h => h.ArticleId, h => h.Source, copies, cancellationToken))
            .Select(k => k.AlsoReportedBy.Count > 0 ? k.Item with { AlsoReportedBy = k.AlsoReportedBy } : k.Item)
            .Take(top).ToArray();

    private async Task<IReadOnlyList<PassageHit>> HybridAsync(RankingQuery? query, IReadOnlyList<string> terms, ReadOnlyMemory<float> vector, SearchFilter filter, int top, CancellationToken cancellationToken)
    {
        var candidates = Math.Max(_options.Candidates, top);
        if (_options.Fusion == "Store" && store is IHybridSearchStore hybrid)
        {
            return await hybrid.HybridSearchAsync(vector, terms, filter, top, candidates, cancellationToken);
        }

        var keyword = terms.Count > 0
            ? await store.KeywordSearchAsync(terms, filter, candidates, cancellationToken)
            : [];
        var dense = _options.DenseWeight > 0
            ? await store.VectorSearchAsync(vector, filter, candidates, cancellationToken)
            : [];
        if (ranker is null || query is null)
        {
            return HybridFusion.Fuse(keyword, dense, _options.DenseWeight, top);
        }

        var fused = HybridFusion.Candidates(keyword, dense, _options.DenseWeight);
        return ranker.Rank(query, fused).Take(top).Select(c => c.Hit).ToArray();
    }
}
