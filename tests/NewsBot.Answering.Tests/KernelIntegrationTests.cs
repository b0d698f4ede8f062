using Microsoft.Extensions.DependencyInjection;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.Data;
using NewsBot.Answering.Prompts;
using NewsBot.Answering.Retrieval;
using Xunit;

namespace NewsBot.Answering.Tests;

/// <summary>Retrieval the Semantic Kernel way: a text search with LINQ filters, and the same search as a kernel plugin.</summary>
public sealed class KernelIntegrationTests : IAsyncLifetime
{
    private NewsBotHost _bot = null!;

    public async Task InitializeAsync() => _bot = await NewsBotHost.StartAsync();

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task The_kernel_has_a_news_plugin_that_searches_the_store()
    {
        var kernel = _bot.Services.GetRequiredService<Kernel>();

        var result = await kernel.InvokeAsync(NewsSearchPlugin.PluginName, "search", new KernelArguments { ["query"] = "Lake Varden water level", ["top"] = 2 });

        var passages = Assert.IsAssignableFrom<IReadOnlyList<TextSearchResult>>(result.GetValue<object>());
        Assert.Equal(2, passages.Count);
        Assert.Equal("https://northern-wire.example/environment/lake-varden-low", passages[0].Link);
        Assert.Contains("Lake Varden", passages[0].Value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Text_search_filters_by_outlet_and_date_with_linq()
    {
        var search = _bot.Services.GetRequiredService<NewsTextSearch>();
        var options = new TextSearchOptions<NewsPassage>
        {
            Top = 5,
            Filter = p => (p.Source == "Metro Signal" || p.Source == "Civic Ledger") && p.PublishedAt >= new DateTimeOffset(2026, 11, 14, 0, 0, 0, TimeSpan.Zero),
        };

        var results = await search.GetSearchResultsAsync("flu vaccine", options);

        var passages = new List<NewsPassage>();
        await foreach (var passage in results.Results)
        {
            passages.Add(passage);
        }

        Assert.NotEmpty(passages);
        Assert.All(passages, p => Assert.Contains(p.Source, new[] { "Metro Signal", "Civic Ledger" }));
        Assert.All(passages, p => Assert.True(p.PublishedAt >= new DateTimeOffset(2026, 11, 14, 0, 0, 0, TimeSpan.Zero)));
    }

    [Theory]
    [InlineData("answer", new[] { "question", "passages", "key", "today" })]
    [InlineData("rewrite-question", new[] { "history", "question" })]
    public void Every_prompt_declares_the_variables_its_template_uses(string name, string[] variables)
    {
        var config = PromptProvider.Config(name);

        Assert.Equal(variables.Order(), config.InputVariables.Select(v => v.Name).Order());
        Assert.All(variables, v => Assert.Contains("{{$" + v + "}}", config.Template, StringComparison.Ordinal));
    }
}
