using System.ComponentModel.DataAnnotations;

namespace NewsBot.Answering;

/// <summary>How answers are made. Section <c>Answering</c>.</summary>
public sealed class AnsweringOptions
{
    public const string SectionName = "Answering";

    /// <summary>
    /// Whether the bot's retrieval (the answer step, and the chat model's news search) reads passages in the learned
    /// ranker's order (<c>Search:Ranker</c>). Off by default: the answer rules were measured on the fused order, and
    /// with the learned order the MultiHop-RAG dev split's answers come out worse (inference answers containing the
    /// gold .82 → .78, nulls declined .93 → .91), though its retrieval is better. <c>search</c>, <c>eval retrieval</c>
    /// and the topic cards use the learned order.
    /// </summary>
    public bool RankedPassages { get; set; }

    /// <summary>Passages retrieved for a question and shown to the answerer.</summary>
    [Range(1, 30)]
    public int Passages { get; set; } = 8;

    /// <summary>Sentences the extractive answer may quote.</summary>
    [Range(1, 10)]
    public int MaxSentences { get; set; } = 3;

    /// <summary>Words the extractive answer may quote in all.</summary>
    [Range(20, 500)]
    public int MaxWords { get; set; } = 90;

    /// <summary>
    /// When no retrieved sentence is at least this similar to the question (cosine, local model), the extractive
    /// answerer says it found nothing rather than guess. Measured: off-topic questions stay below 0.60, answerable
    /// news questions above 0.61.
    /// </summary>
    [Range(0.0, 1.0)]
    public double MinSimilarity { get; set; } = 0.60;

    /// <summary>
    /// The best sentence's relevance (its similarity to the question plus half the weighted share of the question's
    /// words found in it or its headline) below which the extractive answerer declines: a sentence that merely
    /// sounds like the question without sharing its subject. Calibrated on the MultiHop-RAG dev split: unanswerable
    /// questions' best sentences score 0.58–0.77 (median 0.65), answerable ones' 0.67 and above (5th percentile 0.71).
    /// </summary>
    [Range(0.0, 2.0)]
    public double MinRelevance { get; set; } = 0.66;
}
