using System.Text.Json;
using NewsBot.Core.Stories;
using NewsBot.Testing;
using Xunit;

namespace NewsBot.Core.Tests;

public sealed class WireCopySignatureTests
{
    private static string Body(string line) => JsonDocument.Parse(line).RootElement.GetProperty("body").GetString()!;

    [Fact]
    public void Light_edits_of_one_wire_story_are_copies_and_a_report_written_apart_is_not()
    {
        var lines = WireCopies.Lines();
        var original = WireCopySignature.Compute(Body(lines[0]));

        Assert.InRange(WireCopySignature.Similarity(original, WireCopySignature.Compute(Body(lines[1]))), WireCopySignature.CopyThreshold, 1.0);
        Assert.InRange(WireCopySignature.Similarity(original, WireCopySignature.Compute(Body(lines[2]))), WireCopySignature.CopyThreshold, 1.0);
        Assert.InRange(WireCopySignature.Similarity(original, WireCopySignature.Compute(Body(lines[3]))), 0.0, 0.2);
    }

    [Fact]
    public void Signatures_are_the_same_in_every_process()
    {
        var signature = WireCopySignature.Compute("The same words give the same signature");

        Assert.Equal(signature, WireCopySignature.FromBytes(WireCopySignature.ToBytes(signature)));
        Assert.Equal(6_059_367_366_177_552_777UL, signature[0]);
    }
}
