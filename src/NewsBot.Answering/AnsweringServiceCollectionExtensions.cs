using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.SemanticKernel;
using NewsBot.Answering.Comparison;
using NewsBot.Answering.Declining;
using NewsBot.Answering.Drafting;
using NewsBot.Answering.Embeddings;
using NewsBot.Answering.Extractive;
using NewsBot.Answering.Generative;
using NewsBot.Answering.Prompts;
using NewsBot.Answering.Questions;
using NewsBot.Answering.Overview;
using NewsBot.Answering.Retrieval;
using NewsBot.Answering.Verification;
using NewsBot.Core;
using NewsBot.Core.Answering;

namespace NewsBot.Answering;

public static class AnsweringServiceCollectionExtensions
{
    /// <summary>
    /// The kernel (with the news search as its <c>news</c> plugin), prompts, and both answerers. The generative one
    /// is used when <paramref name="withChatModel"/> is true: its provider registers the kernel's chat service.
    /// </summary>
    public static IServiceCollection AddNewsBotAnswering(this IServiceCollection services, IConfiguration configuration, bool withChatModel)
    {
        services.AddValidatedOptions<AnsweringOptions>(configuration, AnsweringOptions.SectionName);
        services.AddValidatedOptions<ChatModelOptions>(configuration, ChatModelOptions.SectionName);
        services.TryAddSingleton(TimeProvider.System);

        services.AddSingleton<NewsTextSearch>();
        services.AddSingleton<Microsoft.SemanticKernel.Data.ITextSearch<NewsPassage>>(sp => sp.GetRequiredService<NewsTextSearch>());
        services.AddSingleton<NewsSearchPlugin>();
        services.AddSingleton(sp => KernelPluginFactory.CreateFromObject(sp.GetRequiredService<NewsSearchPlugin>(), NewsSearchPlugin.PluginName));
        services.AddKernel();

        services.AddSingleton<PromptProvider>();
        services.AddSingleton<QuestionAnalyzer>();
        services.AddSingleton<QuestionUnderstanding>();
        services.AddSingleton<UnknownTopics>();
        services.AddSingleton<PassageRetriever>();
        services.AddSingleton<ReportComparison>();
        services.AddSingleton<ReportLines>();
        services.AddSingleton<OutletCoverage>();
        services.AddSingleton<StoryTimeline>();
        services.AddSingleton<FollowUpRewriter>();
        services.AddSingleton<ExtractiveAnswerer>();
        services.AddSingleton<AnswerDrafter>();
        services.AddSingleton<DraftVerifier>();
        services.AddSingleton<AnswerDecliner>();
        services.AddSingleton<NewsOverview>();
        services.AddSingleton<INewsOverview>(sp => sp.GetRequiredService<NewsOverview>());
        services.AddSingleton<INewsAlerts, Alerts.NewsAlerts>();
        services.AddSingleton<Citations.UpdateNotes>();
        services.AddSingleton<Embeddings.RememberedEmbeddings>();
        if (withChatModel)
        {
            services.AddSingleton<GenerativeAnswerer>();
            services.AddSingleton<IQuestionRewriter, ModelQuestionRewriter>();
        }
        else
        {
            services.AddSingleton<IQuestionRewriter>(sp => sp.GetRequiredService<FollowUpRewriter>());
        }

        // Routes in the order they are asked; the fact route last, as it takes every question.
        services.AddSingleton<Routes.IAnswerRoute, Routes.OverviewRoute>();
        services.AddSingleton<Routes.IAnswerRoute, Routes.LaidOutRoute>();
        services.AddSingleton<Routes.IAnswerRoute, Routes.MoreOnStoryRoute>();
        services.AddSingleton<Routes.IAnswerRoute, Routes.FactRoute>();
        services.AddSingleton<Routes.AnswerTail>();
        services.AddSingleton<INewsAnswerer, AnswerService>();
        return services;
    }
}
