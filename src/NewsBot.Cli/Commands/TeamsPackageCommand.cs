using System.CommandLine;
using System.IO.Compression;
using System.Text.Json.Nodes;

namespace NewsBot.Cli.Commands;

/// <summary><c>teams-package --bot-id ID</c>: the Teams app package (manifest with the bot's id, and icons) as a zip to upload.</summary>
internal static class TeamsPackageCommand
{
    private const string Placeholder = "${{BOT_ID}}";
    private static readonly string[] Files = ["manifest.json", "color.png", "outline.png"];

    public static Command Create(CliContext context)
    {
        var botId = new Option<string?>("--bot-id") { Description = "The Azure Bot's Microsoft App ID (default: the MicrosoftAppId setting)" };
        var from = new Option<DirectoryInfo>("--from") { Description = "Folder with manifest.json and the icons", DefaultValueFactory = _ => new DirectoryInfo("appPackage") };
        var output = new Option<FileInfo?>("--output") { Description = "Where to write the zip (default: newsbot-teams.zip in the data directory, never the current folder unless asked)" };
        var command = new Command("teams-package", "Build the Microsoft Teams app package (zip) for this bot") { botId, from, output };
        command.SetAction(parse =>
        {
            var id = parse.GetValue(botId) ?? Environment.GetEnvironmentVariable("NEWSBOT_MicrosoftAppId") ?? Environment.GetEnvironmentVariable("MicrosoftAppId");
            if (!Guid.TryParse(id, out var guid))
            {
                throw new CliException(string.IsNullOrWhiteSpace(id)
                    ? "Give --bot-id: the Microsoft App ID of your Azure Bot registration (a GUID)."
                    : $"--bot-id '{id}' is not a Microsoft App ID (a GUID such as 6f1b1d4e-0c55-4a3e-9f7e-4b2d7c1e9a10).");
            }

            var folder = parse.GetValue(from)!;
            var missing = Files.Where(f => !File.Exists(Path.Combine(folder.FullName, f))).ToArray();
            if (missing.Length > 0)
            {
                throw new CliException($"{folder.FullName} lacks {string.Join(", ", missing)}: point --from at the appPackage folder.");
            }

            var manifest = File.ReadAllText(Path.Combine(folder.FullName, "manifest.json")).Replace(Placeholder, guid.ToString(), StringComparison.Ordinal);
            _ = JsonNode.Parse(manifest); // A broken manifest fails here, not in the Teams admin centre.
            var zip = parse.GetValue(output) ?? DefaultOutput(context, parse);
            var temporary = zip.FullName + ".partial";
            using (var archive = ZipFile.Open(temporary, ZipArchiveMode.Create))
            {
                using (var writer = new StreamWriter(archive.CreateEntry("manifest.json").Open()))
                {
                    writer.Write(manifest);
                }

                foreach (var icon in Files.Skip(1))
                {
                    archive.CreateEntryFromFile(Path.Combine(folder.FullName, icon), icon);
                }
            }

            File.Move(temporary, zip.FullName, overwrite: true);
            context.Output.WriteLine($"Teams app package for bot {guid}: {zip.FullName}");
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>newsbot-teams.zip in the data directory (--data, VectorStore:DataDirectory, else the user's local app data).</summary>
    private static FileInfo DefaultOutput(CliContext context, ParseResult parse)
    {
        using var services = context.Services(parse);
        var directory = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions
            .GetRequiredService<Microsoft.Extensions.Options.IOptions<NewsBot.Core.Storage.VectorStoreOptions>>(services).Value.ResolvedDataDirectory;
        Directory.CreateDirectory(directory);
        return new FileInfo(Path.Combine(directory, "newsbot-teams.zip"));
    }
}
