using System.Buffers.Binary;
using System.Numerics.Tensors;
using System.Runtime.InteropServices;

namespace NewsBot.Core.Embeddings;

/// <summary>
/// The vectors of a passage's sentences (<see cref="Chunking.PassageSentences"/>), computed at ingest and stored beside
/// the passage's own vector, so a question about any story is answered without running the model on its sentences.
/// Kept as int8 with one scale per sentence (a quarter of float32's size; a dot product moves by about 0.002): a
/// 5-byte header (format, dimensions, count), then per sentence a float32 scale and one signed byte per dimension.
/// </summary>
public sealed class SentenceVectors
{
    private const byte Format = 1;
    private const int HeaderBytes = 5;

    private readonly byte[] _bytes;

    private SentenceVectors(byte[] bytes, int dimensions, int count) => (_bytes, Dimensions, Count) = (bytes, dimensions, count);

    public int Dimensions { get; }

    public int Count { get; }

    /// <summary>The stored form.</summary>
    public ReadOnlySpan<byte> Bytes => _bytes;

    public static SentenceVectors Quantise(IReadOnlyList<ReadOnlyMemory<float>> vectors)
    {
        var dimensions = vectors.Count == 0 ? 0 : vectors[0].Length;
        if (vectors.Count > ushort.MaxValue || dimensions > ushort.MaxValue || vectors.Any(v => v.Length != dimensions))
        {
            throw new ArgumentException("Sentence vectors must share one size, and a passage has at most 65,535 sentences.", nameof(vectors));
        }

        var stride = sizeof(float) + dimensions;
        var bytes = new byte[HeaderBytes + (vectors.Count * stride)];
        bytes[0] = Format;
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(1), (ushort)dimensions);
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(3), (ushort)vectors.Count);
        for (var i = 0; i < vectors.Count; i++)
        {
            var vector = vectors[i].Span;
            var at = HeaderBytes + (i * stride);
            var scale = MathF.Abs(TensorPrimitives.MaxMagnitude(vector)) / 127f;
            BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(at), scale);
            for (var d = 0; d < dimensions; d++)
            {
                bytes[at + sizeof(float) + d] = unchecked((byte)(sbyte)Math.Clamp(MathF.Round(scale > 0 ? vector[d] / scale : 0), -127, 127));
            }
        }

        return new SentenceVectors(bytes, dimensions, vectors.Count);
    }

    /// <summary>The stored form read back; null when it is not one (the answer step then embeds the sentences itself).</summary>
    public static SentenceVectors? FromBytes(byte[]? bytes)
    {
        if (bytes is null || bytes.Length < HeaderBytes || bytes[0] != Format)
        {
            return null;
        }

        var dimensions = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(1));
        var count = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(3));
        return bytes.Length == HeaderBytes + (count * (sizeof(float) + dimensions)) ? new SentenceVectors(bytes, dimensions, count) : null;
    }

    /// <summary>The best cosine similarity of any sentence to a unit vector (-1 for a passage without sentences).</summary>
    public float BestSimilarity(ReadOnlySpan<float> unit)
    {
        var best = -1f;
        var length = Math.Min(Dimensions, unit.Length);
        Span<float> values = length <= 2048 ? stackalloc float[length] : new float[length];
        unit = unit[..length];
        for (var index = 0; index < Count; index++)
        {
            var at = HeaderBytes + (index * (sizeof(float) + Dimensions)) + sizeof(float);
            TensorPrimitives.ConvertTruncating<sbyte, float>(MemoryMarshal.Cast<byte, sbyte>(_bytes.AsSpan(at, length)), values);
            var norm = TensorPrimitives.SumOfSquares<float>(values);
            if (norm > 0)
            {
                best = Math.Max(best, TensorPrimitives.Dot<float>(values, unit) / MathF.Sqrt(norm));
            }
        }

        return best;
    }

    /// <summary>Sentence <paramref name="index"/>'s vector, normalised.</summary>
    public ReadOnlyMemory<float> this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
            var at = HeaderBytes + (index * (sizeof(float) + Dimensions)) + sizeof(float);
            var vector = new float[Dimensions];
            for (var d = 0; d < Dimensions; d++)
            {
                vector[d] = unchecked((sbyte)_bytes[at + d]);
            }

            var norm = TensorPrimitives.Norm<float>(vector);
            if (norm > 0)
            {
                TensorPrimitives.Divide(vector, norm, vector);
            }

            return vector;
        }
    }
}
