using System.Collections.Concurrent;
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

    // Each clause of an outlet's lane adds its best keyword matches to the lane's candidates.
    private const int ClauseCandidates = 20;

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

        // The question is embedded while its keyword searches run: they need only its words.
        var vector = embedder.EmbedQueryAsync(question, cancellationToken);
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
    public Task<IReadOnlyList<PassageHit>> SearchAsync(
        string question, ReadOnlyMemory<float> vector, IReadOnlyList<string> outlets, SearchFilter filter, int top, bool ranked, CancellationToken cancellationToken) =>
        SearchAsync(question, Task.FromResult(vector), outlets, filter, top, ranked, cancellationToken);

    private async Task<IReadOnlyList<PassageHit>> SearchAsync(
        string question, Task<ReadOnlyMemory<float>> embedding, IReadOnlyList<string> outlets, SearchFilter filter, int top, bool ranked, CancellationToken cancellationToken)
    {
        var terms = QueryTerms.Extract(question);
        var wanted = copies is null ? top : top + CopiesAllowance;
        var laned = _options.OutletLanes && filter.Sources.Count == 0 && outlets.Count > 0;
        var lanes = laned ? outlets.Select(o => new Lane(o, filter with { Sources = [o] })).ToArray() : [new Lane(null, filter)];
        var keyword = KeywordSearches(lanes, terms, wanted, cancellationToken);
        // A question of several parts has each embedded too (in one run of the model): a part describes one fact, and
        // the ranker reads how close each passage's sentences come to each part.
        var parts = ranker is null || !ranked ? [] : QuestionParts.Of(question);
        var partVectors = parts.Count < 2
            ? Task.FromResult<IReadOnlyList<ReadOnlyMemory<float>>>([])
            : embedder.EmbedQueriesAsync(parts.Select(p => p.Text).ToArray(), cancellationToken);
        var vector = await embedding;
        var query = ranker is null || !ranked ? null : new RankingQuery(question, vector, parts) { PartVectors = await partVectors };
        var pass = new Pass(query, vector, lanes, laned ? outlets : [], wanted, new(StringComparer.Ordinal), terms, keyword, null);
        var found = await LanesAsync(pass, cancellationToken);

        // A question that describes its answer without naming it ("Which company, reported by … to have …, and by …
        // to have …?") is answered by a name every piece of evidence shares: found in the first results of several
        // lanes (or articles), it is searched for with the question, and the ranker reads which passages hold it.
        if (query is not null && BridgeNames.Of(question, found, pass.Outlets) is { Count: > 0 } bridge)
        {
            var bridgeTerms = QueryTerms.Extract(string.Join(' ', bridge));
            IReadOnlyList<string> withBridge = [.. terms.Union(bridgeTerms, StringComparer.Ordinal)];
            found = await LanesAsync(
                pass with { Query = query with { Bridge = bridge }, Terms = withBridge, Keyword = KeywordSearches(lanes, withBridge, wanted, cancellationToken), BridgeTerms = bridgeTerms },
                cancellationToken);
        }

        // Ranked lanes lead each round with the passage the ranker is surest of; fused lanes keep the outlets' order.
        return await OneCopyPerTextAsync(found.Count == 1 ? found[0] : HybridFusion.Interleave(found, wanted, byScore: query is not null), top, cancellationToken);
    }

    /// <summary>One search of the store: for one outlet (its filter names it) or, without outlet lanes, the whole store.</summary>
    private sealed record Lane(string? Outlet, SearchFilter Filter);

    /// <summary>
    /// One pass of a question's search over its lanes: the ranking query (null for the fused order), the vector, the
    /// outlets named, how many hits each lane keeps, each lane's vector search (run once, reused by a second pass),
    /// the terms and each lane's keyword search for them (already started), and the shared names of a second pass.
    /// </summary>
    private sealed record Pass(
        RankingQuery? Query, ReadOnlyMemory<float> Vector, IReadOnlyList<Lane> Lanes, IReadOnlyList<string> Outlets, int Wanted,
        ConcurrentDictionary<string, Task<IReadOnlyList<PassageHit>>> Dense, IReadOnlyList<string> Terms, Task<IReadOnlyList<PassageHit>>[] Keyword,
        IReadOnlyList<string>? BridgeTerms);

    /// <summary>Each lane's keyword search, started (none where the store fuses the searches itself).</summary>
    private Task<IReadOnlyList<PassageHit>>[] KeywordSearches(IReadOnlyList<Lane> lanes, IReadOnlyList<string> terms, int wanted, CancellationToken cancellationToken) =>
        lanes.Select(l => terms.Count == 0 || StoreFuses
            ? Task.FromResult<IReadOnlyList<PassageHit>>([])
            : store.KeywordSearchAsync(terms, l.Filter, Math.Max(_options.Candidates, wanted), cancellationToken)).ToArray();

    private bool StoreFuses => _options.Fusion == "Store" && store is IHybridSearchStore;

    /// <summary>Every lane's hybrid search, side by side (each lane's work is its own: they share only caches).</summary>
    private async Task<IReadOnlyList<IReadOnlyList<PassageHit>>> LanesAsync(Pass pass, CancellationToken cancellationToken) =>
        pass.Lanes.Count == 1
            ? [await LaneAsync(pass, 0, cancellationToken)]
            : await Task.WhenAll(pass.Lanes.Select((_, i) => Task.Run(() => LaneAsync(pass, i, cancellationToken), cancellationToken)));

    private Task<IReadOnlyList<PassageHit>> LaneAsync(Pass pass, int lane, CancellationToken cancellationToken)
    {
        if (pass.Lanes[lane].Outlet is not { } outlet || pass.Query is not { } query)
        {
            return HybridAsync(pass, lane, pass.Query, [], cancellationToken);
        }

        // The parts naming this outlet alone: the ranker reads how close each passage's sentences come to them.
        var own = OwnParts(query.Parts, outlet, pass.Outlets);
        if (pass.BridgeTerms is not { } bridgeTerms)
        {
            return HybridAsync(pass, lane, query with { OwnParts = own }, [], cancellationToken);
        }

        // With the name that ties the evidence known, each clause naming this outlet alone ("… as reported by
        // TechCrunch, and … as per another TechCrunch article") is searched with it: the lane's candidates include
        // each clause's best matches, and the ranker reads how well each candidate answers the clauses.
        var clauses = own.Select(i => query.Parts[i]).ToArray();
        var clauseSearches = clauses.Select(c => (IReadOnlyList<string>)[.. ClauseTerms(c.Text, outlet).Union(bridgeTerms, StringComparer.Ordinal)]).ToArray();
        return HybridAsync(pass, lane, query with { Focus = clauses, OwnParts = own }, clauseSearches, cancellationToken);
    }

    /// <summary>The question's parts (of several; their indexes) that name the outlet and no other outlet the question names.</summary>
    private static int[] OwnParts(IReadOnlyList<QuestionPart> parts, string outlet, IReadOnlyList<string> outlets) =>
        parts.Count < 2 ? [] : Enumerable.Range(0, parts.Count)
            .Where(i => OutletMatcher.Names(parts[i].Text, outlet) && !outlets.Any(o => o != outlet && OutletMatcher.Names(parts[i].Text, o))).ToArray();

    /// <summary>A clause's terms to match, without the outlet's own name (its passages need not repeat it).</summary>
    private static IReadOnlyList<string> ClauseTerms(string clause, string outlet)
    {
        var name = QueryTerms.Extract(OutletMatcher.NameOf(outlet) ?? "").ToHashSet(StringComparer.Ordinal);
        return QueryTerms.Extract(clause).Where(t => !name.Contains(t)).ToArray();
    }

    /// <summary>
    /// Copies of one text (syndicated wire copy) collapse into the best-ranked one, which names the other outlets
    /// that ran it; the copies' passages make room for other articles.
    /// </summary>
    private async Task<IReadOnlyList<PassageHit>> OneCopyPerTextAsync(IReadOnlyList<PassageHit> hits, int top, CancellationToken cancellationToken) =>
        (await OneCopyEach.KeepAsync(hits, h => h.ArticleId, h => h.Source, copies, cancellationToken))
            .Select(k => k.AlsoReportedBy.Count > 0 ? k.Item with { AlsoReportedBy = k.AlsoReportedBy } : k.Item)
            .Take(top).ToArray();

    private async Task<IReadOnlyList<PassageHit>> HybridAsync(
        Pass pass, int lane, RankingQuery? query, IReadOnlyList<IReadOnlyList<string>> clauseSearches, CancellationToken cancellationToken)
    {
        var filter = pass.Lanes[lane].Filter;
        var candidates = Math.Max(_options.Candidates, pass.Wanted);
        if (StoreFuses)
        {
            return await ((IHybridSearchStore)store).HybridSearchAsync(pass.Vector, pass.Terms, filter, pass.Wanted, candidates, cancellationToken);
        }

        var keyword = await pass.Keyword[lane];
        var dense = await pass.Dense.GetOrAdd(string.Join('\n', filter.Sources), _ => _options.DenseWeight > 0
            ? store.VectorSearchAsync(pass.Vector, filter, candidates, cancellationToken)
            : Task.FromResult<IReadOnlyList<PassageHit>>([]));

        if (ranker is null || query is null)
        {
            return HybridFusion.Fuse(keyword, dense, _options.DenseWeight, pass.Wanted);
        }

        var fused = HybridFusion.Candidates(keyword, dense, _options.DenseWeight);
        foreach (var clause in clauseSearches)
        {
            fused = HybridFusion.Widen(fused, await store.KeywordSearchAsync(clause, filter, ClauseCandidates, cancellationToken));
        }

        return ranker.Rank(query, fused).Take(pass.Wanted).Select(c => c.Hit).ToArray();
    }
}
