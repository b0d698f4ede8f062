using NewsBot;
using NewsBot.Providers;

var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.Configuration.AddEnvironmentVariables("NEWSBOT_");
builder.Services.AddNewsBot(builder.Configuration);
builder.Services.AddNewsBotChannels(builder.Configuration);

var app = builder.Build();
app.MapNewsBot();
app.Run();

/// <summary>The bot host; public so tests can start it in process.</summary>
public partial class Program;
