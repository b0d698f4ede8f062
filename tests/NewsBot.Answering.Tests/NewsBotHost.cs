using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NewsBot.Core.Answering;
using NewsBot.Core.Ingestion;
using NewsBot.Providers;
using NewsBot.Testing;

namespace NewsBot.Answering.Tests;

/// <summary>The real NewsBot services (local model, embedded store) over the sample news, with today fixed.</summary>
public sealed class NewsBotHost : IAsyncDisposable
{
    private readonly TempDirectory _data = new();

    private NewsBotHost(IDictionary<string, string?> settings, Action<IServiceCollection>? configure)
    {
        settings["VectorStore:DataDirectory"] = _data.Path;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<TimeProvider>(new FixedTime())
            .AddNewsBot(configuration);
        configure?.Invoke(services);
        Services = services.BuildServiceProvider();
    }

    public ServiceProvider Services { get; }

    public INewsAnswerer Answerer => Services.GetRequiredService<INewsAnswerer>();

    public static Task<NewsBotHost> StartAsync(IDictionary<string, string?>? settings = null, params string[] extraJsonLines) =>
        StartAsync(settings, null, extraJsonLines);

    /// <param name="configure">Changes to the services before they are built, e.g. a decorator that counts calls.</param>
    public static async Task<NewsBotHost> StartAsync(IDictionary<string, string?>? settings, Action<IServiceCollection>? configure, params string[] extraJsonLines)
    {
        var host = new NewsBotHost(settings ?? new Dictionary<string, string?>(), configure);
        var paths = new List<string> { Path.Combine(AppContext.BaseDirectory, "samples", "news.jsonl") };
        if (extraJsonLines.Length > 0)
        {
            var extra = Path.Combine(host._data.Path, "extra.jsonl");
            await File.WriteAllLinesAsync(extra, extraJsonLines);
            paths.Add(extra);
        }

        var report = await host.Services.GetRequiredService<IngestionPipeline>().IngestAsync(paths);
        if (report.Failed > 0)
        {
            throw new InvalidOperationException("Test news did not ingest: " + string.Join("; ", report.Outcomes.Where(o => o.Error is not null).Select(o => o.Error)));
        }

        return host;
    }

    public Task<Answer> AskAsync(string question, params ConversationTurn[] history) =>
        Answerer.AnswerAsync(new AnswerRequest(question, history));

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        _data.Dispose();
    }
}
