using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.SemanticKernel.Data;
using NewsBot.Answering.Retrieval;
using NewsBot.Core.Answering;
using NewsBot.Testing;
using Xunit;

namespace NewsBot.Answering.Tests;

/// <summary>Semantic Kernel on the answer path: passages come through its text search, and a chat model can search again through the news plugin.</summary>
public sealed partial class SemanticKernelRetrievalTests
{
    [Fact]
    public async Task The_answer_path_retrieves_through_the_kernels_text_search()
    {
        var spy = new CountingSearch();
        await using var bot = await NewsBotHost.StartAsync(null, services => services.AddSingleton<ITextSearch<NewsPassage>>(sp => spy.Around(sp.GetRequiredService<NewsTextSearch>())));

        var answer = await bot.AskAsync("Where will NATO open its liaison office?");

        Assert.Contains("Tokyo", answer.Text, StringComparison.Ordinal);
        Assert.Contains(spy.Queries, q => q.Contains("NATO", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_model_that_calls_the_news_search_gets_passages_and_its_answer_is_cited_from_them()
    {
        await using var server = await FakeChatServer.StartAsync();
        await using var bot = await NewsBotHost.StartAsync(new Dictionary<string, string?>
        {
            ["Chat:Provider"] = "OpenAICompatible",
            ["Chat:Endpoint"] = server.Endpoint,
            ["Chat:Model"] = "test-model",
            ["Answering:Passages"] = "2",
        });
        string? offered = null;
        string? found = null;
        server.Then((context, request) =>
        {
            offered = string.Join(",", request["tools"]?.AsArray().Select(t => (string?)t!["function"]!["name"]) ?? []);
            return FakeChatServer.CallTool(context, "news-search", """{"query":"coastal football league title"}""");
        });
        server.Then((context, request) =>
        {
            found = FakeChatServer.LastToolResult(request);
            var n = Regex.Match(found ?? "", @"=== passage \[(\d+)\] · key [0-9a-f]{8} ===\nMariners win the coastal league title").Groups[1].Value;
            return FakeChatServer.Reply(context, $"The Mariners won the coastal league title with a 3-1 victory over Eastport [{n}].");
        });

        var answer = await bot.AskAsync("Where will NATO open its liaison office, and who won the coastal league title?");

        Assert.Equal("news-search", offered);
        Assert.Contains("Mariners win the coastal league title", found, StringComparison.Ordinal);
        Assert.StartsWith("The Mariners won the coastal league title with a 3-1 victory over Eastport [1].", answer.Text, StringComparison.Ordinal);
        var citation = Assert.Single(answer.Citations);
        Assert.Equal("Pacific Dispatch", citation.Source);
        Assert.Contains("Mariners", citation.Title, StringComparison.Ordinal);
    }

    /// <summary>A text search that records the queries it is asked and passes them on.</summary>
    private sealed class CountingSearch
    {
        public List<string> Queries { get; } = [];

        public ITextSearch<NewsPassage> Around(NewsTextSearch inner) => new Recording(this, inner);

        private sealed class Recording(CountingSearch owner, NewsTextSearch inner) : ITextSearch<NewsPassage>
        {
            public Task<KernelSearchResults<NewsPassage>> GetSearchResultsAsync(string query, TextSearchOptions<NewsPassage>? searchOptions = null, CancellationToken cancellationToken = default)
            {
                lock (owner.Queries)
                {
                    owner.Queries.Add(query);
                }

                return inner.GetSearchResultsAsync(query, searchOptions, cancellationToken);
            }

            public Task<KernelSearchResults<TextSearchResult>> GetTextSearchResultsAsync(string query, TextSearchOptions<NewsPassage>? searchOptions = null, CancellationToken cancellationToken = default) =>
                inner.GetTextSearchResultsAsync(query, searchOptions, cancellationToken);

            public Task<KernelSearchResults<string>> SearchAsync(string query, TextSearchOptions<NewsPassage>? searchOptions = null, CancellationToken cancellationToken = default) =>
                inner.SearchAsync(query, searchOptions, cancellationToken);
        }
    }
}
