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
        var exported = new LockedCollection<Activity>();
        var metrics = new List<Metric>();
        await using var bot = new BotHost(_data.Path, new Dictionary<string, string?> { ["RateLimits:Enabled"] = "false" }, services =>
        {
            services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(exported));
            services.ConfigureOpenTelemetryMeterProvider(meter => meter.AddInMemoryExporter(metrics));
        });

        var trace = ActivityTraceId.CreateRandom();
        var question = BotHost.Message("Where will NATO open its liaison office?");
        question["deliveryMode"] = "expectReplies";
        await bot.PostAsync(question, $"00-{trace}-{ActivitySpanId.CreateRandom()}-01");
        await bot.RepliesAsync(BotHost.Message("Who won the chess tournament on Mars?"));
        bot.Services.GetRequiredService<TracerProvider>().ForceFlush();
        bot.Services.GetRequiredService<MeterProvider>().ForceFlush();

        // Other hosts in this test process record on the same sources, from their own threads while this test reads:
        // only this question's trace is kept, from a copy taken under the exporter's lock.
        var spans = exported.Snapshot().Where(s => s.TraceId == trace).ToList();
        string[] steps = ["understand", "retrieve", "draft", "verify"];
        var answer = spans.Single(s => s.OperationName == "answer");
        var turn = spans.Single(s => s.SpanId == answer.ParentSpanId);
        var request = spans.Single(s => s.SpanId == turn.ParentSpanId);
        Assert.Equal("turn", turn.OperationName);
        Assert.Equal(ActivityKind.Server, request.Kind);
        Assert.Contains("/api/messages", request.DisplayName, StringComparison.Ordinal);
        Assert.Equal("emulator", turn.GetTagItem("newsbot.channel"));
        Assert.Equal(steps, spans.Where(s => s.ParentSpanId == answer.SpanId).Select(s => s.OperationName).Distinct());
        Assert.True(Sum(metrics, "newsbot.turns") >= 2);
        Assert.True(Sum(metrics, "newsbot.declines") >= 1);
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

    /// <summary>A collection the exporter adds to from any thread, read by the test as a copy.</summary>
    private sealed class LockedCollection<T> : ICollection<T>
    {
        private readonly List<T> _items = [];

        public int Count => Snapshot().Length;

        public bool IsReadOnly => false;

        public T[] Snapshot()
        {
            lock (_items)
            {
                return [.. _items];
            }
        }

        public void Add(T item)
        {
            lock (_items)
            {
                _items.Add(item);
            }
        }

        public void Clear()
        {
            lock (_items)
            {
                _items.Clear();
            }
        }

        public bool Contains(T item) => Snapshot().Contains(item);

        public void CopyTo(T[] array, int arrayIndex) => Snapshot().CopyTo(array, arrayIndex);

        public bool Remove(T item)
        {
            lock (_items)
            {
                return _items.Remove(item);
            }
        }

        public IEnumerator<T> GetEnumerator() => ((IEnumerable<T>)Snapshot()).GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
