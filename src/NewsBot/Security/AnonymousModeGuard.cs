using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace NewsBot.Security;

/// <summary>
/// Without app credentials: says so once at start, and stops the host when it listens beyond this machine without
/// <c>Bot:AllowAnonymousRemote=true</c> (exit code 2). Until it has stopped, <see cref="RefuseRemoteCallersAsync"/>
/// turns away callers from other machines.
/// </summary>
public sealed class AnonymousModeGuard(BotAccess access, IServer server, IHostApplicationLifetime lifetime, ILogger<AnonymousModeGuard> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (!access.IsAnonymous)
        {
            return Task.CompletedTask;
        }

        logger.LogWarning(access.IsLocalOnly
            ? "NewsBot is running without app credentials (MicrosoftAppId is empty): it accepts unauthenticated requests from this machine only. Set MicrosoftAppId and MicrosoftAppPassword to serve Teams or other machines."
            : "NewsBot is running without app credentials and Bot:AllowAnonymousRemote=true: anyone who can reach its port can use it, unauthenticated.");
        lifetime.ApplicationStarted.Register(CheckListeners);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Middleware: an anonymous, local-only bot answers 403 to any caller not on this machine.</summary>
    public static async Task RefuseRemoteCallersAsync(HttpContext context, RequestDelegate next)
    {
        var access = context.RequestServices.GetRequiredService<BotAccess>();
        if (access.IsLocalOnly && !BotAccess.IsLocalCaller(context.Connection.RemoteIpAddress))
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            await context.Response.WriteAsJsonAsync(new { error = "This bot has no app credentials and serves this machine only." });
            return;
        }

        await next(context);
    }

    private void CheckListeners()
    {
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var open = addresses.Where(a => !BotAccess.IsLoopbackListener(a)).ToArray();
        if (!access.IsLocalOnly || open.Length == 0)
        {
            return;
        }

        logger.LogCritical(
            "NewsBot has no app credentials but listens on {Addresses}, beyond this machine. Listen on localhost (Urls), set MicrosoftAppId and MicrosoftAppPassword, or set Bot:AllowAnonymousRemote=true to accept unauthenticated requests from anywhere. Stopping.",
            string.Join(", ", open));
        Environment.ExitCode = 2;
        lifetime.StopApplication();
    }
}
