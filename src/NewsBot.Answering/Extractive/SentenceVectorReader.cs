using NewsBot.Answering.Embeddings;
using NewsBot.Answering.Retrieval;

namespace NewsBot.Answering.Extractive;

/// <summary>Where the vectors of the sentences an answer scores come from.</summary>
internal static class SentenceVectorReader
{
    /// <summary>
    /// The sentences' vectors: read from the passages where ingest stored them, embedded now (and remembered) for
    /// passages stored before sentence vectors were kept.
    /// </summary>
    /// <param name="sentenceCounts">How many sentences each passage has: its stored vectors are used only when they are as many.</param>
    public static async Task<IReadOnlyList<ReadOnlyMemory<float>>> ReadAsync(
        (string Text, int Passage, int Position)[] sentences, IReadOnlyList<NewsPassage> passages, int[] sentenceCounts, int dimensions, RememberedEmbeddings remembered, CancellationToken cancellationToken)
    {
        var vectors = new ReadOnlyMemory<float>[sentences.Length];
        var missing = new List<int>();
        for (var i = 0; i < sentences.Length; i++)
        {
            var (_, passage, position) = sentences[i];
            var stored = passages[passage].Sentences;
            if (stored is not null && stored.Dimensions == dimensions && stored.Count == sentenceCounts[passage])
            {
                vectors[i] = stored[position];
            }
            else
            {
                missing.Add(i);
            }
        }

        if (missing.Count > 0)
        {
            var embedded = await remembered.EmbedAsync(missing.Select(i => sentences[i].Text).ToArray(), cancellationToken);
            for (var m = 0; m < missing.Count; m++)
            {
                vectors[missing[m]] = embedded[m];
            }
        }

        return vectors;
    }
}
