using NewsBot.Core.Runtime;
using NewsBot.Core.Search;
using NewsBot.Core.Storage;

namespace NewsBot.Cli.Evaluation;

/// <summary>
/// Before a retrieval evaluation is timed, the search warms up as the bot does before it takes messages
/// (<see cref="WarmUpRounds"/>): questions of its own about the store's newest stories, none of the evaluated ones, so
/// the latency measured is the served search's, not the runtime compiling it. Passages the evaluated questions read
/// are still read for the first time when they are asked.
/// </summary>
internal static class SearchWarmUp
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(20);
    private const int Stories = 10;

    /// <summary>The rounds run (0 for an empty store).</summary>
    public static async Task<int> RunAsync(NewsSearch search, INewsStore store, CancellationToken cancellationToken)
    {
        var newest = await store.GetLatestArticlesAsync(Stories, SearchFilter.None, cancellationToken);
        if (newest.Count == 0)
        {
            return 0;
        }

        // One outlet's lane, and two outlets' lanes with a name to find (the second search through a shared name).
        var questions = newest.Select((a, i) => i % 2 == 0 || newest[i - 1].Source == a.Source
            ? $"What did {a.Source} report about \"{a.Title}\"?"
            : $"Which name did {newest[i - 1].Source} report in \"{newest[i - 1].Title}\", and {a.Source} in \"{a.Title}\"?").ToArray();
        return await WarmUpRounds.RunAsync(
            async token =>
            {
                foreach (var question in questions)
                {
                    await search.SearchAsync(question, SearchFilter.None, 10, token);
                }
            },
            Limit,
            cancellationToken);
    }
}
