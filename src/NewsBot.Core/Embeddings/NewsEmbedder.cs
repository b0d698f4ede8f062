using System.Numerics.Tensors;
using Microsoft.Extensions.AI;
using NewsBot.Core.Chunking;
using NewsBot.Core.Storage;

namespace NewsBot.Core.Embeddings;

/// <summary>
/// The one way NewsBot embeds text: passages as they are, questions with the model's query prefix,
/// every vector normalised so that a dot product is the cosine similarity.
/// </summary>
public sealed class NewsEmbedder(IEmbeddingGenerator<string, Embedding<float>> generator, EmbeddingProfile profile)
{
    public EmbeddingModelInfo? KnownModel => profile.Dimensions is { } d ? new EmbeddingModelInfo(profile.ModelId, d) : null;

    public string ModelId => profile.ModelId;

    public async Task<IReadOnlyList<ReadOnlyMemory<float>>> EmbedPassagesAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken)
    {
        if (texts.Count == 0)
        {
            return [];
        }

        var embeddings = await generator.GenerateAsync(texts, cancellationToken: cancellationToken);
        return embeddings.Select(e => Normalize(e.Vector)).ToArray();
    }

    /// <summary>
    /// Passages for the index: each passage and each of its sentences (<see cref="PassageSentences"/>), in one call so
    /// the model runs the short sentences of many passages together. Answers then read the sentences' vectors with the
    /// passage instead of running the model while a reader waits.
    /// </summary>
    public async Task<IReadOnlyList<PassageVectors>> EmbedForIndexAsync(IReadOnlyList<string> passageTexts, CancellationToken cancellationToken)
    {
        var sentences = passageTexts.Select(PassageSentences.Of).ToArray();
        var vectors = await EmbedPassagesAsync([.. passageTexts, .. sentences.SelectMany(s => s)], cancellationToken);
        var result = new PassageVectors[passageTexts.Count];
        var next = passageTexts.Count;
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = new PassageVectors(vectors[i], SentenceVectors.Quantise(Enumerable.Range(next, sentences[i].Count).Select(j => vectors[j]).ToArray()));
            next += sentences[i].Count;
        }

        return result;
    }

    public async Task<ReadOnlyMemory<float>> EmbedQueryAsync(string question, CancellationToken cancellationToken) =>
        (await EmbedQueriesAsync([question], cancellationToken))[0];

    /// <summary>Several questions (or parts of one) embedded in one run of the model, each with the query prefix.</summary>
    public async Task<IReadOnlyList<ReadOnlyMemory<float>>> EmbedQueriesAsync(IReadOnlyList<string> questions, CancellationToken cancellationToken)
    {
        if (questions.Count == 0)
        {
            return [];
        }

        var embeddings = await generator.GenerateAsync(questions.Select(q => profile.QueryPrefix + q), cancellationToken: cancellationToken);
        return embeddings.Select(e => Normalize(e.Vector)).ToArray();
    }

    public EmbeddingModelInfo ModelFor(ReadOnlyMemory<float> vector) => new(profile.ModelId, vector.Length);

    private static ReadOnlyMemory<float> Normalize(ReadOnlyMemory<float> vector)
    {
        var copy = vector.ToArray();
        var norm = TensorPrimitives.Norm<float>(copy);
        if (norm > 0)
        {
            TensorPrimitives.Divide(copy, norm, copy);
        }

        return copy;
    }
}
