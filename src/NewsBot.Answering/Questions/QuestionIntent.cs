namespace NewsBot.Answering.Questions;

/// <summary>
/// A question understood once, for every step after it: what it asks (rewritten to stand on its own), about what
/// (topic words, names), from which outlets, published when, what kind of answer it expects, the reports it compares,
/// and its embedding.
/// </summary>
public sealed record QuestionIntent
{
    /// <summary>The question as answered: a follow-up rewritten to stand on its own.</summary>
    public required string Question { get; init; }

    /// <summary>The question without the names of outlets the store holds, so "Business Today" is not read as a date.</summary>
    public required string Subject { get; init; }

    /// <summary>Every outlet the store holds, read once per question.</summary>
    public required IReadOnlyList<string> Sources { get; init; }

    /// <summary>Outlets the question names that the store holds, in the order named.</summary>
    public required IReadOnlyList<string> Outlets { get; init; }

    /// <summary>Outlets the question attributes facts to that the store holds nothing from.</summary>
    public required IReadOnlyList<string> OutletsNotHeld { get; init; }

    /// <summary>The words that say what the question is about; none for "What happened yesterday?".</summary>
    public required IReadOnlyList<string> Topics { get; init; }

    public required IReadOnlyList<NamedSubject> Names { get; init; }

    public required TimeFrame Time { get; init; }

    public required ExpectedAnswer Expects { get; init; }

    /// <summary>For a name question, whom it asks for (a person, an organisation): a lead naming anything else is wrong.</summary>
    public NameRole Role { get; init; }

    /// <summary>For a yes/no question comparing reports: each report's outlet and its part of the question.</summary>
    public required IReadOnlyList<(string Outlet, string Part)> Parts { get; init; }

    /// <summary>When it compares reports: what it claims of them (order, coverage, agreement), against which the verdict is decided.</summary>
    public NewsBot.Answering.Comparison.ComparisonClaim Claim { get; init; }

    /// <summary>The answer given to the turn before, when there was one: what the reader has already been shown.</summary>
    public string? Shown { get; init; }

    /// <summary>What the question asks for, decided once; later steps dispatch on it.</summary>
    public required QuestionKind Kind { get; init; }

    /// <summary>The question embedded for retrieval and for scoring sentences, once.</summary>
    public required ReadOnlyMemory<float> Vector { get; init; }

    /// <summary>Whether the question compares two or more outlets' reports (also where a laid-out kind found too few reports).</summary>
    public bool ComparesReports => Parts.Count >= 2;
}
