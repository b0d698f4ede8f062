using System.ComponentModel.DataAnnotations;

namespace NewsBot.Core.Search;

/// <summary>How keyword and vector results are fused. Section <c>Search</c>.</summary>
public sealed class SearchOptions
{
    public const string SectionName = "Search";

    /// <summary>How many results each of the two searches contributes to the fusion.</summary>
    [Range(5, 1000)]
    public int Candidates { get; set; } = 50;

    /// <summary>Weight of the vector score next to the keyword score (1.0); 0 is keyword search alone.</summary>
    [Range(0.0, 10.0)]
    public double DenseWeight { get; set; } = 0.2;

    /// <summary>When a question names outlets the store holds, each outlet gets its own lane of results, interleaved.</summary>
    public bool OutletLanes { get; set; } = true;

    [Range(1, 100)]
    public int DefaultTop { get; set; } = 10;

    /// <summary>
    /// <c>Weighted</c> (default): NewsBot fuses the two result lists by weighted scores, measured best on news
    /// questions. <c>Store</c>: a store that can fuse inside itself (Qdrant, reciprocal rank fusion) does so.
    /// </summary>
    [RegularExpression("^(Weighted|Store)$", ErrorMessage = "Search:Fusion must be Weighted or Store.")]
    public string Fusion { get; set; } = "Weighted";

    /// <summary>
    /// <c>Learned</c> (default): a LambdaMART model orders each lane's fused candidates and spreads the top across
    /// articles (the shipped model, or <see cref="RankerModel"/>); without a readable model, the fused order. With
    /// <see cref="Fusion"/> <c>Store</c> the store's own order stands: the model reads both searches' scores.
    /// <c>Fusion</c>: the fused order.
    /// </summary>
    [RegularExpression("^(Learned|Fusion)$", ErrorMessage = "Search:Ranker must be Learned or Fusion.")]
    public string Ranker { get; set; } = "Learned";

    /// <summary>A ranking model trained by <c>newsbot eval ranker</c> (its <c>.zip</c>, the <c>.json</c> beside it); empty for the shipped one.</summary>
    public string RankerModel { get; set; } = "";
}
