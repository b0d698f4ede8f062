using Microsoft.Extensions.DependencyInjection;
using NewsBot.Core.Ingestion;
using NewsBot.Testing;
using Xunit;

namespace NewsBot.Answering.Tests;

/// <summary>An update that changes a figure written in words says how it changed, as one written in digits does.</summary>
public sealed class WordedFigureUpdateTests
{
    [Theory]
    [InlineData("Twelve passengers were hurt when the night ferry struck the Gull Point pier, the harbour office said.", "Fifteen passengers were hurt when the night ferry struck the Gull Point pier, the harbour office said.", "first reported 12 passengers", "updated to 15 passengers")]
    [InlineData("The council closed eleven schools in Port Alder after the storm, the mayor said on Monday.", "The council closed 14 schools in Port Alder after the storm, the mayor said on Monday.", "first reported 11 schools", "updated to 14 schools")]
    public async Task The_note_gives_the_figure_as_first_reported_and_as_updated(string first, string updated, string was, string now)
    {
        await using var bot = await NewsBotHost.StartAsync();
        using var input = new TempDirectory();
        var pipeline = bot.Services.GetRequiredService<IngestionPipeline>();
        await pipeline.IngestAsync([input.File("v1.jsonl", WireCopies.Line("pier-crash", "Night ferry strikes the Gull Point pier", "Harbour Times", "2026-11-26T08:00:00Z", first))]);
        await pipeline.IngestAsync([input.File("v2.jsonl", WireCopies.Line("pier-crash", "Night ferry strikes the Gull Point pier", "Harbour Times", "2026-11-26T08:00:00Z", updated))]);

        var answer = await bot.AskAsync(first.Contains("ferry", StringComparison.Ordinal) ? "How many passengers were hurt when the night ferry struck the pier?" : "How many schools did the council close in Port Alder?");

        Assert.Contains(was, answer.Text, StringComparison.Ordinal);
        Assert.Contains(now, answer.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("updated_at")]
    [InlineData("dateModified")]
    public async Task The_note_dates_the_update_by_the_outlets_own_update_time_not_the_day_it_was_read(string field)
    {
        await using var bot = await NewsBotHost.StartAsync();
        using var input = new TempDirectory();
        var pipeline = bot.Services.GetRequiredService<IngestionPipeline>();
        const string Before = "Twelve passengers were hurt when the night ferry struck the Gull Point pier, the harbour office said.";
        const string After = "Fifteen passengers were hurt when the night ferry struck the Gull Point pier, the harbour office said.";
        await pipeline.IngestAsync([input.File("v1.jsonl", WireCopies.Line("pier-crash", "Night ferry strikes the Gull Point pier", "Harbour Times", "2026-11-20T08:00:00Z", Before))]);
        var updated = System.Text.Json.Nodes.JsonNode.Parse(WireCopies.Line("pier-crash", "Night ferry strikes the Gull Point pier", "Harbour Times", "2026-11-20T08:00:00Z", After))!;
        updated[field] = "2026-11-22T16:30:00Z";
        await pipeline.IngestAsync([input.File("v2.jsonl", updated.ToJsonString())]);

        var answer = await bot.AskAsync("How many passengers were hurt when the night ferry struck the pier?");

        Assert.Contains("was updated on 22 November 2026: first reported 12 passengers (20 November), updated to 15 passengers", answer.Text, StringComparison.Ordinal);
    }
}
