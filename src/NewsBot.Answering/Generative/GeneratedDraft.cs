using NewsBot.Answering.Retrieval;

namespace NewsBot.Answering.Generative;

/// <summary>A model's answer and the passages its [n] markers point into: those it was given, then those its own searches found.</summary>
public sealed record GeneratedDraft(string Text, IReadOnlyList<NewsPassage> Passages);
