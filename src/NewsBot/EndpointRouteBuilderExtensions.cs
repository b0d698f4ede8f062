using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using NewsBot.DirectLine;
using NewsBot.Hosting;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace NewsBot;

public static class EndpointRouteBuilderExtensions
{
    /// <summary>POST /api/messages (the Bot Framework endpoint), GET /healthz, and the web chat page with its Direct Line.</summary>
    public static WebApplication MapNewsBot(this WebApplication app)
    {
        app.UseDefaultFiles();
        app.UseStaticFiles();
        app.MapPost("/api/messages", MessagesAsync);
        app.MapGet("/healthz", HealthEndpoint.GetAsync);
        app.MapDirectLine();
        return app;
    }

    private static async Task MessagesAsync(HttpContext context, IBotFrameworkHttpAdapter adapter, IBot bot, CancellationToken cancellationToken)
    {
        // A body that is not an activity is the sender's mistake: 400, never a failed turn.
        context.Request.EnableBuffering();
        if (!await IsActivityAsync(context.Request, cancellationToken))
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            await context.Response.WriteAsJsonAsync(new { error = "The request body must be a Bot Framework activity (JSON with a type)." }, cancellationToken);
            return;
        }

        await adapter.ProcessAsync(context.Request, context.Response, bot, cancellationToken);
    }

    private static async Task<bool> IsActivityAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        try
        {
            using var reader = new StreamReader(request.Body, leaveOpen: true);
            var body = await reader.ReadToEndAsync(cancellationToken);
            return JToken.Parse(body) is JObject activity && activity["type"]?.Type == JTokenType.String;
        }
        catch (JsonReaderException)
        {
            return false;
        }
        finally
        {
            request.Body.Position = 0;
        }
    }
}
