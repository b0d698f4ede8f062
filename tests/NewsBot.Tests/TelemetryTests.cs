using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using NewsBot.Testing;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Xunit;

namespace NewsBot.Tests;

/// <summary>A turn as an operator sees it in their tracing and metrics backend (here the in-memory exporter).</summary>
public sealed class TelemetryTests : IDisposable
{
    private readonly TempDirectory _data = new();

    [Fact]
    public async Task A_question_is_one_trace_from_the_channel_through_each_answering_step_and_counts_as_a_turn()
    {
        var spans = new List<Activity>();
        var metrics = new List<Metric>();
        await using var bot = new BotHost(_data.Path, new Dictionary<string, string?> { ["RateLimits:Enabled"] = "false" }, services =>
        {
            services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(spans));
            services.ConfigureOpenTelemetryMeterProvider(meter => meter.AddInMemoryExporter(metrics));
        });

        await bot.RepliesAsync(BotHost.Message("Where will NATO open its liaison office?"));
        await bot.RepliesAsync(BotHost.Message("Who won the chess tournament on Mars?"));
        bot.Services.GetRequiredService<TracerProvider>().ForceFlush();
        bot.Services.GetRequiredService<MeterProvider>().ForceFlush();

        var request = spans.First(s => s.Kind == ActivityKind.Server && s.DisplayName.Contains("/api/messages", StringComparison.Ordinal));
        var turn = spans.First(s => s.OperationName == "turn" && s.ParentSpanId == request.SpanId);
        var answer = spans.First(s => s.OperationName == "answer" && s.ParentSpanId == turn.SpanId);
        Assert.Equal("emulator", turn.GetTagItem("newsbot.channel"));
        Assert.Equal(["understand", "retrieve", "draft", "verify"], spans.Where(s => s.ParentSpanId == answer.SpanId).Select(s => s.OperationName).Distinct());
        Assert.Equal(2, Sum(metrics, "newsbot.turns"));
        Assert.Equal(1, Sum(metrics, "newsbot.declines"));
        Assert.Contains(metrics, m => m.Name == "newsbot.turn.duration");
    }

    [Fact]
    public async Task With_an_OTLP_endpoint_configured_the_traces_are_sent_to_it()
    {
        var received = new System.Collections.Concurrent.ConcurrentBag<string>();
        await using var collector = await LoopbackServer.StartAsync(app => app.MapPost("/v1/{signal}", (string signal) =>
        {
            received.Add(signal);
            return Microsoft.AspNetCore.Http.Results.Ok();
        }));
        await using var bot = new BotHost(_data.Path, new Dictionary<string, string?>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = collector.Url,
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            ["RateLimits:Enabled"] = "false",
        });

        await bot.RepliesAsync(BotHost.Message("Where will NATO open its liaison office?"));
        bot.Services.GetRequiredService<TracerProvider>().ForceFlush();

        Assert.Contains("traces", received);
    }

    private static long Sum(IEnumerable<Metric> metrics, string name)
    {
        var total = 0L;
        foreach (var metric in metrics.Where(m => m.Name == name))
        {
            foreach (ref readonly var point in metric.GetMetricPoints())
            {
                total = Math.Max(total, point.GetSumLong());
            }
        }

        return total;
    }

    public void Dispose() => _data.Dispose();
}
