using Microsoft.Extensions.AI;

namespace NewsBot.Testing;

/// <summary>
/// A fast, deterministic stand-in for an embedding model: a bag of hashed words. Texts that share words are close,
/// which is all that store and pipeline tests need.
/// </summary>
public sealed class HashEmbeddingGenerator(int dimensions = 64, string modelId = "test-hash") : IEmbeddingGenerator<string, Embedding<float>>
{
    public string ModelId { get; } = modelId;

    public int Dimensions { get; } = dimensions;

    public int Calls { get; private set; }

    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        Calls++;
        return Task.FromResult(new GeneratedEmbeddings<Embedding<float>>(values.Select(v => new Embedding<float>(Embed(v)))));
    }

    public float[] Embed(string text)
    {
        var vector = new float[Dimensions];
        foreach (var word in text.ToLowerInvariant().Split([' ', '\n', '.', ',', '?', '!', '/', '"'], StringSplitOptions.RemoveEmptyEntries))
        {
            vector[(int)((uint)StableHash(word) % (uint)Dimensions)] += 1;
        }

        var norm = MathF.Sqrt(vector.Sum(x => x * x));
        if (norm == 0)
        {
            vector[0] = 1;
            norm = 1;
        }

        return vector.Select(x => x / norm).ToArray();
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceType == typeof(EmbeddingGeneratorMetadata) ? new EmbeddingGeneratorMetadata("test", null, ModelId, Dimensions) : null;

    public void Dispose()
    {
    }

    private static int StableHash(string word)
    {
        unchecked
        {
            var hash = (int)2166136261;
            foreach (var c in word)
            {
                hash = (hash ^ c) * 16777619;
            }

            return hash;
        }
    }
}
