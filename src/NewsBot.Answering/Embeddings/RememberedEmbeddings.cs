using Microsoft.Extensions.Caching.Memory;
using NewsBot.Core.Embeddings;

namespace NewsBot.Answering.Embeddings;

/// <summary>
/// Vectors computed at question time, remembered: the sentences of the passages a question retrieves are embedded
/// once and reused by every later question that retrieves them (readers ask about the same stories), and a question
/// asked again is not embedded again. Up to <see cref="MaxSentences"/> vectors (about 30 MB), the least recently used
/// forgotten first. A vector depends only on the text and the model, so answers are the same with or without it.
/// </summary>
public sealed class RememberedEmbeddings(NewsEmbedder embedder) : IDisposable
{
    public const int MaxSentences = 20_000;

    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = MaxSentences, CompactionPercentage = 0.25 });

    public async Task<ReadOnlyMemory<float>> EmbedQueryAsync(string question, CancellationToken cancellationToken)
    {
        var key = "query:" + question;
        if (_cache.TryGetValue(key, out ReadOnlyMemory<float> known))
        {
            return known;
        }

        var vector = await embedder.EmbedQueryAsync(question, cancellationToken);
        _cache.Set(key, vector, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = TimeSpan.FromHours(6) });
        return vector;
    }

    public async Task<IReadOnlyList<ReadOnlyMemory<float>>> EmbedAsync(IReadOnlyList<string> sentences, CancellationToken cancellationToken)
    {
        var vectors = new ReadOnlyMemory<float>[sentences.Count];
        var missing = new List<int>();
        for (var i = 0; i < sentences.Count; i++)
        {
            if (_cache.TryGetValue(sentences[i], out ReadOnlyMemory<float> known))
            {
                vectors[i] = known;
            }
            else
            {
                missing.Add(i);
            }
        }

        if (missing.Count > 0)
        {
            var fresh = await embedder.EmbedPassagesAsync(missing.Select(i => sentences[i]).ToArray(), cancellationToken);
            for (var m = 0; m < missing.Count; m++)
            {
                vectors[missing[m]] = fresh[m];
                _cache.Set(sentences[missing[m]], fresh[m], new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = TimeSpan.FromHours(6) });
            }
        }

        return vectors;
    }

    public void Dispose() => _cache.Dispose();
}
