using System.Numerics.Tensors;
using NewsBot.Core.Chunking;
using NewsBot.Core.Embeddings;
using Xunit;

namespace NewsBot.Core.Tests;

/// <summary>Sentence vectors are kept as int8 beside each passage: what comes back scores as the original did.</summary>
public sealed class SentenceVectorsTests
{
    [Fact]
    public void Vectors_read_back_from_their_stored_form_score_within_a_hundredth_of_the_originals()
    {
        var random = new Random(3);
        var originals = Enumerable.Range(0, 12).Select(_ => Normalised(Enumerable.Range(0, 384).Select(_ => (float)((random.NextDouble() * 2) - 1)).ToArray())).ToArray();
        var query = Normalised(Enumerable.Range(0, 384).Select(_ => (float)((random.NextDouble() * 2) - 1)).ToArray());

        var stored = SentenceVectors.FromBytes(SentenceVectors.Quantise(originals.Select(o => (ReadOnlyMemory<float>)o).ToArray()).Bytes.ToArray());

        Assert.NotNull(stored);
        Assert.Equal((384, 12), (stored.Dimensions, stored.Count));
        for (var i = 0; i < originals.Length; i++)
        {
            Assert.InRange(TensorPrimitives.Dot(stored[i].Span, query) - TensorPrimitives.Dot(originals[i], query), -0.01f, 0.01f);
            Assert.InRange(TensorPrimitives.Dot(stored[i].Span, originals[i]), 0.999f, 1.001f);
        }

        Assert.Equal(384 + 4 + 0.0, stored.Bytes.Length / 12.0, 0); // a quarter of float32, plus a scale each
    }

    [Theory]
    [InlineData(new byte[0])]
    [InlineData(new byte[] { 1, 4, 0, 2, 0, 0, 0, 128, 63, 1, 2, 3 })] // says two sentences, holds less than one
    [InlineData(new byte[] { 9, 0, 0, 0, 0 })] // an unknown format
    public void A_stored_form_that_does_not_read_back_whole_is_no_vectors(byte[] bytes) =>
        Assert.Null(SentenceVectors.FromBytes(bytes));

    [Fact]
    public void A_passage_s_sentences_are_its_text_without_the_header_line_and_its_markers()
    {
        var sentences = PassageSentences.Of("Harbour bridge reopens / Test Courier 2026-11-02\nThe bridge reopened on Monday [1]. Traffic was light.\n\nEngineers replaced the cables.");

        Assert.Equal(["The bridge reopened on Monday.", "Traffic was light.", "Engineers replaced the cables."], sentences);
    }

    private static float[] Normalised(float[] vector)
    {
        TensorPrimitives.Divide(vector, TensorPrimitives.Norm<float>(vector), vector);
        return vector;
    }
}
