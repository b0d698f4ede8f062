using NewsBot.DirectLine;
using NewsBot.Hosting;
using NewsBot.Security;

namespace NewsBot;

public static class EndpointRouteBuilderExtensions
{
    /// <summary>POST /api/messages (the Bot Framework endpoint), GET /healthz, and the web chat page with its Direct Line.</summary>
    public static WebApplication MapNewsBot(this WebApplication app)
    {
        app.Use(AnonymousModeGuard.RefuseRemoteCallersAsync);
        app.UseRateLimiter();
        app.UseDefaultFiles();
        app.UseStaticFiles();
        app.MapPost("/api/messages", MessagesEndpoint.PostAsync).RequireRateLimiting(RateLimitResponses.ChannelPolicy);
        app.MapGet("/healthz", HealthEndpoint.GetAsync);
        app.MapDirectLine();
        return app;
    }
}
