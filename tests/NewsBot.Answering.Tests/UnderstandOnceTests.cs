using System.Reflection;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using NewsBot.Core.Storage;
using Xunit;

namespace NewsBot.Answering.Tests;

/// <summary>
/// A question is understood once: embedded once and the outlet list read once, whatever steps follow; and the
/// sentences it quotes were embedded at ingest, so a question about a story nobody asked about yet runs the model on
/// the question alone.
/// </summary>
public sealed class UnderstandOnceTests : IAsyncLifetime
{
    private readonly CallCounter _calls = new();
    private NewsBotHost _bot = null!;

    public async Task InitializeAsync() => _bot = await NewsBotHost.StartAsync(null, services =>
    {
        Decorate<IEmbeddingGenerator<string, Embedding<float>>>(services, inner => new CountingEmbeddings(inner, _calls));
        Decorate<INewsStore>(services, inner => Counting<INewsStore>.Wrap(inner, _calls));
    });

    [Theory]
    [InlineData("What did Northern Wire report about the NATO office in Tokyo?")]
    [InlineData("How much will the eastern tram line cost?")]
    public async Task A_question_is_embedded_once_and_the_outlets_are_read_once(string question)
    {
        _calls.Reset();

        var answer = await _bot.AskAsync(question);

        Assert.False(answer.Declined);
        Assert.Equal(1, _calls.Of("query embedding"));
        Assert.Equal(1, _calls.Of(nameof(INewsStore.GetSourcesAsync)));
    }

    [Theory]
    [InlineData("What did Mira Solberg say about the battery software?")]
    [InlineData("What happened at Lake Varden?")]
    [InlineData("What did the national library put online?")]
    [InlineData("How many homes lost power in the storm?")]
    public async Task A_question_nobody_asked_before_runs_the_model_on_the_question_only(string question)
    {
        _calls.Reset();

        var answer = await _bot.AskAsync(question);

        Assert.False(answer.Declined);
        Assert.NotEmpty(answer.Citations);
        Assert.Equal(0, _calls.Of("texts embedded other than questions"));
    }

    private static void Decorate<T>(IServiceCollection services, Func<T, T> decorate)
        where T : class
    {
        var original = services.Last(d => d.ServiceType == typeof(T));
        services.Add(ServiceDescriptor.Singleton(sp => decorate((T)(original.ImplementationInstance ?? original.ImplementationFactory?.Invoke(sp) ?? ActivatorUtilities.CreateInstance(sp, original.ImplementationType!)))));
    }

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    public sealed class CallCounter
    {
        private readonly Dictionary<string, int> _counts = [];

        public void Add(string name)
        {
            lock (_counts)
            {
                _counts[name] = _counts.GetValueOrDefault(name) + 1;
            }
        }

        public int Of(string name)
        {
            lock (_counts)
            {
                return _counts.GetValueOrDefault(name);
            }
        }

        public void Reset()
        {
            lock (_counts)
            {
                _counts.Clear();
            }
        }
    }

    private sealed class CountingEmbeddings(IEmbeddingGenerator<string, Embedding<float>> inner, CallCounter calls) : DelegatingEmbeddingGenerator<string, Embedding<float>>(inner)
    {
        public override Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
        {
            var texts = values.ToArray();
            if (texts.Length == 1 && texts[0].StartsWith("Represent this sentence", StringComparison.Ordinal))
            {
                calls.Add("query embedding");
            }
            else
            {
                foreach (var text in texts.Where(t => !t.StartsWith("Represent this sentence", StringComparison.Ordinal)))
                {
                    calls.Add("texts embedded other than questions");
                }
            }

            return base.GenerateAsync(texts, options, cancellationToken);
        }
    }

    public class Counting<T> : DispatchProxy
        where T : class
    {
        private T _inner = null!;
        private CallCounter _calls = null!;

        internal static T Wrap(T inner, CallCounter calls)
        {
            var proxy = Create<T, Counting<T>>();
            var counting = (Counting<T>)(object)proxy;
            (counting._inner, counting._calls) = (inner, calls);
            return proxy;
        }

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
        {
            _calls.Add(targetMethod!.Name);
            try
            {
                return targetMethod.Invoke(_inner, args);
            }
            catch (TargetInvocationException ex) when (ex.InnerException is not null)
            {
                throw ex.InnerException;
            }
        }
    }
}
