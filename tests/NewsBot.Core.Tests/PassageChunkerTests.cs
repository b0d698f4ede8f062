using Microsoft.Extensions.Options;
using NewsBot.Core.Chunking;
using NewsBot.Testing;
using Xunit;

namespace NewsBot.Core.Tests;

public sealed class PassageChunkerTests
{
    private readonly PassageChunker _chunker = new(Options.Create(new ChunkingOptions()));

    [Fact]
    public void Long_articles_become_sentence_aligned_passages_of_120_to_200_words_that_overlap()
    {
        var article = TestArticles.Long("long", 120);

        var passages = _chunker.Chunk(article);

        Assert.True(passages.Count > 3);
        foreach (var passage in passages.SkipLast(1))
        {
            var words = Body(passage.Text).Split(' ').Length;
            Assert.InRange(words, 120, 200);
            Assert.EndsWith("readers.", passage.Text, StringComparison.Ordinal);
        }

        for (var i = 1; i < passages.Count; i++)
        {
            var lastSentenceOfPrevious = Body(passages[i - 1].Text).Split(". ")[^1];
            Assert.Contains(lastSentenceOfPrevious, passages[i].Text, StringComparison.Ordinal);
        }

        Assert.Equal(Enumerable.Range(0, passages.Count), passages.Select(p => p.Index));
        Assert.All(passages, p => Assert.Equal($"long#{p.Index}", p.Id));
    }

    [Fact]
    public void Every_passage_starts_with_title_outlet_and_date()
    {
        var passage = _chunker.Chunk(TestArticles.Election)[0];

        Assert.StartsWith("Mayor wins second term in close election / Daily Lantern 2026-11-10\nThe mayor won", passage.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void No_passage_exceeds_1500_characters_even_with_long_words_and_a_long_title()
    {
        var monster = string.Join(' ', Enumerable.Repeat("Supercalifragilisticexpialidocious-and-then-some-more-characters", 120)) + ".";
        var article = TestArticles.Make("m", new string('T', 500), monster + " A short closing sentence.");

        var passages = _chunker.Chunk(article);

        Assert.All(passages, p => Assert.InRange(p.Text.Length, 1, 1500));
        Assert.Contains(passages, p => p.Text.EndsWith("A short closing sentence.", StringComparison.Ordinal));
    }

    [Fact]
    public void Abbreviations_and_initials_do_not_end_a_sentence()
    {
        var sentences = SentenceSplitter.Split("Dr. Mensah met John F. Kennedy Jr. in the U.S. capital. Then he left! Was it 3 p.m. already?").ToArray();

        Assert.Equal(["Dr. Mensah met John F. Kennedy Jr. in the U.S. capital.", "Then he left!", "Was it 3 p.m. already?"], sentences);
    }

    private static string Body(string passageText) => passageText[(passageText.IndexOf('\n') + 1)..];
}
