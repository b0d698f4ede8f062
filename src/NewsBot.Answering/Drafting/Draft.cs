namespace NewsBot.Answering.Drafting;

/// <summary>An answer before verification: text with [n] markers into the retrieved passages.</summary>
/// <param name="FromModel">Written by the language model (else quoted from the passages).</param>
/// <param name="Note">A remark for the user, e.g. that the model failed and the sources are quoted instead.</param>
public sealed record Draft(string Text, bool FromModel, string? Note = null)
{
    /// <summary>The passages the markers point into when drafting searched for more (a model's function calls); null when they are the retrieved ones.</summary>
    public IReadOnlyList<Retrieval.NewsPassage>? Passages { get; init; }

    /// <summary>
    /// Laid out by NewsBot (reports side by side, a timeline): each cited line quotes its passage, and the lines
    /// without a marker (headings, the story's summary, a verdict from publication dates) are composed from stored
    /// metadata. Verified by quotation rather than by overlap.
    /// </summary>
    public bool Composed { get; init; }
}
