using NewsBot;
using NewsBot.Core.Settings;
using NewsBot.Providers;

try
{
    var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
    builder.Configuration.AddEnvironmentVariables("NEWSBOT_");
    builder.Services.AddNewsBot(builder.Configuration);
    builder.Services.AddNewsBotChannels(builder.Configuration);

    var app = builder.Build();
    app.MapNewsBot();
    app.Run();
    return Environment.ExitCode; // set by whatever stopped the bot on purpose (AnonymousModeGuard: 2)
}
catch (Exception ex) when (SettingsErrors.Explain(ex) is { } reason)
{
    // A wrong setting is the user's to fix: one line naming it, not a stack trace.
    Console.Error.WriteLine(reason);
    return SettingsErrors.ExitCode;
}

/// <summary>The bot host; public so tests can start it in process.</summary>
public partial class Program;
