using System.ComponentModel.DataAnnotations;

namespace NewsBot.Core.Stories;

/// <summary>How reports are grouped into stories at ingest (section <c>Stories</c>).</summary>
public sealed class StoryOptions
{
    public const string SectionName = "Stories";

    /// <summary>
    /// Cosine similarity of two articles' vectors (mean of their passages, local model) from which they report the
    /// same story, when they also share a name. Calibrated with <c>newsbot eval stories</c> on the MultiHop-RAG
    /// corpus and on reports written for the tests (docs/STORIES.md): three outlets' reports of one derailment score
    /// 0.83-0.88 with each other and 0.60-0.71 with other news; on the corpus, from 0.92 nearly every pair is one event
    /// (a trial, a product launch, a match) and from 0.82 same-theme pairs join too (two deals round-ups).
    /// </summary>
    [Range(0.0, 1.0)]
    public double SameStorySimilarity { get; set; } = 0.82;

    /// <summary>Similarity from which two articles report the same story even without a shared name.</summary>
    [Range(0.0, 1.0)]
    public double SameStoryWithoutNames { get; set; } = 0.92;

    /// <summary>Reports more than this many days apart are not grouped directly (a story can still run longer through the reports between).</summary>
    [Range(1, 60)]
    public int WindowDays { get; set; } = 4;
}
