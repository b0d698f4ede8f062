namespace NewsBot.Ranking;

/// <summary>
/// What a passage placed above costs the candidates below it: per passage of the same article, per passage answering
/// the same part of the question, and once for the passage just before or after it in its article (whose overlapping
/// words often hold the same sentence).
/// </summary>
public sealed record Spread(double Article, double Part, double Neighbour);
