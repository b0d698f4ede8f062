using System.IO.Compression;
using System.Text.Json;
using NewsBot.Testing;
using Xunit;

namespace NewsBot.Cli.Tests;

public sealed class TeamsPackageTests
{
    private static string AppPackage => RepositoryPaths.Of("appPackage");

    [Fact]
    public async Task The_package_holds_the_manifest_with_the_bot_id_and_both_icons()
    {
        using var output = new TempDirectory();
        var zip = Path.Combine(output.Path, "teams.zip");

        var (code, _, error) = await Cli.RunAsync("teams-package", "--bot-id", "6f1b1d4e-0c55-4a3e-9f7e-4b2d7c1e9a10", "--from", AppPackage, "--output", zip);

        Assert.True(code == 0, error);
        using var archive = ZipFile.OpenRead(zip);
        Assert.Equal(["color.png", "manifest.json", "outline.png"], archive.Entries.Select(e => e.FullName).Order());
        using var manifest = JsonDocument.Parse(archive.GetEntry("manifest.json")!.Open());
        Assert.Equal("6f1b1d4e-0c55-4a3e-9f7e-4b2d7c1e9a10", manifest.RootElement.GetProperty("id").GetString());
        Assert.Equal("6f1b1d4e-0c55-4a3e-9f7e-4b2d7c1e9a10", manifest.RootElement.GetProperty("bots")[0].GetProperty("botId").GetString());
    }

    [Fact]
    public async Task Without_output_the_package_goes_to_the_data_directory_not_the_current_folder()
    {
        using var data = new TempDirectory();
        var inCurrentFolder = Path.Combine(Environment.CurrentDirectory, "newsbot-teams.zip");

        var (code, output, error) = await Cli.RunAsync("teams-package", "--bot-id", "6f1b1d4e-0c55-4a3e-9f7e-4b2d7c1e9a10", "--from", AppPackage, "--data", data.Path);

        Assert.True(code == 0, error);
        Assert.True(File.Exists(Path.Combine(data.Path, "newsbot-teams.zip")));
        Assert.False(File.Exists(inCurrentFolder));
        Assert.Contains(Path.Combine(data.Path, "newsbot-teams.zip"), output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_or_malformed_bot_id_is_refused_and_nothing_is_written()
    {
        using var output = new TempDirectory();
        var zip = Path.Combine(output.Path, "teams.zip");

        var (code, _, error) = await Cli.RunAsync("teams-package", "--bot-id", "my-bot", "--from", AppPackage, "--output", zip);

        Assert.Equal(2, code);
        Assert.Contains("is not a Microsoft App ID", error, StringComparison.Ordinal);
        Assert.False(File.Exists(zip));
    }
}
