using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.ML;
using NewsBot.Core.Search;

namespace NewsBot.Ranking;

public static class RankingServiceCollectionExtensions
{
    /// <summary>The shipped model: <c>models/ranker.zip</c> beside the program.</summary>
    public static string ShippedModel => Path.Combine(AppContext.BaseDirectory, "models", "ranker.zip");

    /// <summary>
    /// With <c>Search:Ranker</c> Learned, the search's candidates are ordered by the model, read once at first use;
    /// a missing, damaged or outdated model is logged once and the fused order stands.
    /// </summary>
    public static IServiceCollection AddNewsBotRanking(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(SearchOptions.SectionName).Get<SearchOptions>() ?? new SearchOptions();
        if (!options.Ranker.Equals("Learned", StringComparison.OrdinalIgnoreCase))
        {
            return services;
        }

        var path = string.IsNullOrWhiteSpace(options.RankerModel) ? ShippedModel : Path.GetFullPath(options.RankerModel);
        services.AddSingleton<IPassageRanker>(sp =>
        {
            var ml = new MLContext(seed: 1);
            if (RankerModel.Load(ml, path, out var problem) is { } model)
            {
                return new LearnedRanker(model);
            }

            (sp.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance).CreateLogger<LearnedRanker>()
                .LogWarning("Search:Ranker is Learned but {Problem}: results keep the fused order.", problem);
            return new FusedOrder();
        });
        return services;
    }

    /// <summary>The fusion's own order, when no model can be read.</summary>
    private sealed class FusedOrder : IPassageRanker
    {
        public IReadOnlyList<RankingCandidate> Rank(RankingQuery query, IReadOnlyList<RankingCandidate> candidates) => candidates;
    }
}
