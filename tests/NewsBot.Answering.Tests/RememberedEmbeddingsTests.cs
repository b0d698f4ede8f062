using NewsBot.Answering.Embeddings;
using NewsBot.Core.Embeddings;
using NewsBot.Testing;
using Xunit;

namespace NewsBot.Answering.Tests;

/// <summary>The sentences of a story are embedded once, however many readers' questions quote them.</summary>
public sealed class RememberedEmbeddingsTests
{
    [Fact]
    public async Task A_sentence_embedded_for_one_question_is_not_embedded_again_for_the_next()
    {
        var model = new HashEmbeddingGenerator();
        using var vectors = new RememberedEmbeddings(new NewsEmbedder(model, new EmbeddingProfile(model.ModelId, model.Dimensions, "")));

        var first = await vectors.EmbedAsync(["The tram line opened on Monday.", "It has eleven stops."], CancellationToken.None);
        var callsAfterFirst = model.Calls;
        var second = await vectors.EmbedAsync(["It has eleven stops.", "Fares are 2 euros."], CancellationToken.None);

        Assert.Equal((1, 2), (callsAfterFirst, model.Calls));
        Assert.Equal(first[1].ToArray(), second[0].ToArray());
        Assert.Equal(model.Embed("Fares are 2 euros.").Length, second[1].Length);
    }
}
