using Microsoft.Extensions.AI;
using NewsBot.Core.Embeddings;
using Xunit;

namespace NewsBot.Embeddings.Local.Tests;

/// <summary>The shipped model, run for real: no network, no download.</summary>
public sealed class ArcticEmbeddingGeneratorTests : IClassFixture<ArcticEmbeddingGeneratorTests.Model>
{
    private readonly NewsEmbedder _embedder;

    public ArcticEmbeddingGeneratorTests(Model model) => _embedder = model.Embedder;

    [Fact]
    public async Task A_question_is_closest_to_the_passage_that_answers_it()
    {
        var passages = await _embedder.EmbedPassagesAsync(
        [
            "NATO plans first Asian liaison office / Northern Wire 2026-11-02\nThe alliance will open a liaison office in Tokyo.",
            "Mariners win the title / Pacific Dispatch 2026-11-10\nThe football club beat Eastport 3-1 on Sunday.",
            "Central bank holds rates / Civic Ledger 2026-10-28\nThe bank kept its main interest rate at 3.25 percent.",
        ], CancellationToken.None);
        var question = await _embedder.EmbedQueryAsync("Where will NATO open its liaison office?", CancellationToken.None);

        var scores = passages.Select(p => Dot(question, p)).ToArray();

        Assert.Equal(0, Array.IndexOf(scores, scores.Max()));
        Assert.Equal(384, question.Length);
        Assert.Equal(1.0, Math.Sqrt(Dot(question, question)), 3);
    }

    [Fact]
    public async Task A_line_break_reads_like_a_space()
    {
        var vectors = await _embedder.EmbedPassagesAsync(["Harbour Times 2026-11-05\nThe council approved the tram line.", "Harbour Times 2026-11-05 The council approved the tram line."], CancellationToken.None);

        Assert.True(Dot(vectors[0], vectors[1]) > 0.999);
    }

    [Fact]
    public async Task Texts_embedded_together_get_the_vectors_they_get_alone()
    {
        string[] texts = ["The council approved the tram line.", "Storm Elsa closed three ports and cut power to about 40,000 homes overnight.", "Rates held."];

        var together = await _embedder.EmbedPassagesAsync(texts, CancellationToken.None);
        var alone = new List<ReadOnlyMemory<float>>();
        foreach (var text in texts)
        {
            alone.Add((await _embedder.EmbedPassagesAsync([text], CancellationToken.None))[0]);
        }

        Assert.All(Enumerable.Range(0, texts.Length), i => Assert.True(Dot(together[i], alone[i]) > 0.9999, $"text {i}: {Dot(together[i], alone[i])}"));
    }

    [Fact]
    public async Task Readers_asking_at_once_each_get_their_own_question_s_vector_while_a_long_ingest_call_runs()
    {
        string[] questions = ["Where will NATO open its office?", "Who won the coastal league?", "What did the central bank decide?", "How many homes lost power?", "When does the tram line open?", "Why did the lake fall?"];
        var alone = new List<ReadOnlyMemory<float>>();
        foreach (var question in questions)
        {
            alone.Add(await _embedder.EmbedQueryAsync(question, CancellationToken.None));
        }

        var ingest = _embedder.EmbedPassagesAsync(Enumerable.Range(0, 40).Select(i => $"Passage {i} / Test Courier\n" + string.Join(' ', Enumerable.Repeat($"The council met on day {i} and approved the budget.", 12))).ToArray(), CancellationToken.None);
        var atOnce = await Task.WhenAll(questions.Select(q => Task.Run(() => _embedder.EmbedQueryAsync(q, CancellationToken.None))));

        Assert.All(Enumerable.Range(0, questions.Length), i => Assert.True(Dot(atOnce[i], alone[i]) > 0.9999, $"question {i}: {Dot(atOnce[i], alone[i])}"));
        Assert.Equal(40, (await ingest).Count);
    }

    [Fact]
    public void The_model_says_what_it_is()
    {
        using var generator = new ArcticEmbeddingGenerator();

        var metadata = generator.GetService<EmbeddingGeneratorMetadata>();

        Assert.Equal("snowflake-arctic-embed-xs", metadata?.DefaultModelId);
        Assert.Equal(384, metadata?.DefaultModelDimensions);
    }

    private static double Dot(ReadOnlyMemory<float> a, ReadOnlyMemory<float> b) =>
        System.Numerics.Tensors.TensorPrimitives.Dot(a.Span, b.Span);

    public sealed class Model : IDisposable
    {
        private readonly ArcticEmbeddingGenerator _generator = new();

        public Model() => Embedder = new NewsEmbedder(_generator, new EmbeddingProfile(ArcticEmbeddingGenerator.ModelId, 384, ArcticEmbeddingGenerator.QueryPrefix));

        public NewsEmbedder Embedder { get; }

        public void Dispose() => _generator.Dispose();
    }
}
