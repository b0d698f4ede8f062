using System.ComponentModel;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.Data;

namespace NewsBot.Answering.Retrieval;

/// <summary>
/// The news search as a kernel plugin, so that Semantic Kernel agents and function-calling models can look up
/// news the same way NewsBot's answerers do.
/// </summary>
public sealed class NewsSearchPlugin(NewsTextSearch search)
{
    public const string PluginName = "news";

    [KernelFunction("search")]
    [Description("Searches the stored news articles and returns the passages that best match the query, with title, link and text.")]
    public async Task<IReadOnlyList<TextSearchResult>> SearchAsync(
        [Description("What to look for")] string query,
        [Description("Only articles from this outlet")] string? outlet = null,
        [Description("Only articles published on or after this date (yyyy-MM-dd)")] DateTimeOffset? from = null,
        [Description("Only articles published before this date (yyyy-MM-dd)")] DateTimeOffset? to = null,
        [Description("How many passages")] int top = 5,
        CancellationToken cancellationToken = default)
    {
        var options = new TextSearchOptions<NewsPassage>
        {
            Top = Math.Clamp(top, 1, 20),
            Filter = NewsTextSearch.Filter(outlet is null ? [] : [outlet], from, to),
        };
        var passages = await search.FindAsync(query, options, cancellationToken);
        return passages.Select(NewsTextSearch.ToTextSearchResult).ToArray();
    }
}
