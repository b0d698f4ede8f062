namespace NewsBot.Answering.Questions;

/// <summary>A name a question is about.</summary>
/// <param name="Text">The name as the question writes it, e.g. "Formula One".</param>
/// <param name="Words">Its identifying words, lower case: a passage mentioning any of them mentions the name.</param>
public sealed record NamedSubject(string Text, IReadOnlyList<string> Words);
