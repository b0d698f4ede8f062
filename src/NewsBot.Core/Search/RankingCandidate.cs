using NewsBot.Core.Storage;

namespace NewsBot.Core.Search;

/// <summary>
/// A passage the fusion proposes, with what each search said of it: its keyword (BM25) score and rank, its vector
/// similarity and rank (ranks from 1; 0 where that search did not return it), and the fused score and rank.
/// </summary>
public sealed record RankingCandidate(PassageHit Hit, double? Keyword, int KeywordRank, double? Vector, int VectorRank, double Fused, int FusedRank);
