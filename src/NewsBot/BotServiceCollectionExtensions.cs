using NewsBot.Core.Settings;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Extensions.Options;
using NewsBot.Alerts;
using NewsBot.Bots;
using NewsBot.Core;
using NewsBot.Core.Storage;
using NewsBot.DirectLine;
using NewsBot.SideData;
using NewsBot.Hosting;
using NewsBot.Security;
using NewsBot.State;

namespace NewsBot;

public static class BotServiceCollectionExtensions
{
    /// <summary>
    /// The Bot Framework front end: CloudAdapter with authentication from the standard settings (anonymous when
    /// MicrosoftAppId is empty), conversation state persisted beside the news store, feedback, sample news seeding, feed reading.
    /// </summary>
    public static IServiceCollection AddNewsBotChannels(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<BotOptions>(configuration, BotOptions.SectionName);
        services.AddNewsBotTelemetry(configuration);
        services.AddSingleton<BotAccess>();
        services.AddSingleton<TurnGate>();
        services.AddHostedService<AnonymousModeGuard>();
        services.AddNewsBotRateLimits(configuration);
        services.AddSingleton<BotFrameworkAuthentication>(sp => new ConfigurationBotFrameworkAuthentication(sp.GetRequiredService<IConfiguration>()));
        services.AddSingleton<AdapterWithErrorHandler>();
        services.AddSingleton<IBotFrameworkHttpAdapter>(sp => sp.GetRequiredService<AdapterWithErrorHandler>());

        services.AddSingleton(sp => new SqliteBotStorage(BotDatabase(sp), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<SqliteBotStorage>>()));
        services.AddSingleton<IStorage>(sp => sp.GetRequiredService<SqliteBotStorage>());
        services.AddSingleton<IHealthProbe>(sp => sp.GetRequiredService<SqliteBotStorage>());
        services.AddHostedService<StatePruner>();
        services.AddSingleton<ConversationState>();
        services.AddSingleton(sp => new FeedbackStore(BotDatabase(sp)));
        services.AddTransient<IBot, NewsBotActivityHandler>();
        services.AddSingleton<NewsSearchExtension>();

        services.AddValidatedOptions<AlertOptions>(configuration, AlertOptions.SectionName);
        services.AddSingleton(sp => new SubscriptionStore(BotDatabase(sp)));
        services.AddSingleton<FollowCommands>();
        services.AddSingleton<ProactiveSender>();
        services.AddSingleton<DeliveryBackoff>();
        services.AddSingleton<AlertDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<AlertDispatcher>());
        services.AddHostedService<SampleNewsSeeder>();
        services.AddHostedService<AnswerWarmUp>();
        services.AddSingleton<FeedStatus>();
        services.AddSingleton<StoreProbe>();
        services.AddHostedService<FeedRefresher>();

        services.AddOptions<DirectLineOptions>().Bind(configuration.GetSection(DirectLineOptions.SectionName));
        services.AddSingleton(new SettingSection(DirectLineOptions.SectionName, typeof(DirectLineOptions)));
        services.AddValidatedOptions<LocalDirectLineOptions>(configuration, LocalDirectLineOptions.SectionName);
        services.AddSingleton<LocalDirectLine>();
        services.AddHttpClient("DirectLine").AddStandardResilienceHandler();
        return services;
    }

    private static string BotDatabase(IServiceProvider services)
    {
        var directory = services.GetRequiredService<IOptions<VectorStoreOptions>>().Value.ResolvedDataDirectory;
        Directory.CreateDirectory(directory);
        return Path.Combine(directory, "bot-state.db");
    }
}
