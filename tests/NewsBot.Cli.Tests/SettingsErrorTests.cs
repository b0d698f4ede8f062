using Xunit;

namespace NewsBot.Cli.Tests;

/// <summary>A wrong setting ends the command with one line naming the key as configured and what it accepts, exit code 2.</summary>
public sealed class SettingsErrorTests(SampleStoreFixture store) : IClassFixture<SampleStoreFixture>
{
    [Theory]
    [InlineData("Search:DenseWeight=abc", "Search:DenseWeight = 'abc' is not a number")]
    [InlineData("Feeds:RefreshMinutes=soon", "Feeds:RefreshMinutes = 'soon' is not a whole number")]
    [InlineData("Chunking:MaxWords=5", "Chunking:MaxWords must be between 40 and 2000 (set to 5)")]
    [InlineData("VectorStore:Provider=Nope", "VectorStore:Provider 'Nope' is not known: use Embedded or Qdrant")]
    [InlineData("Search:DensWeight=0.5", "'Search:DensWeight' is not a setting: Search has Candidates, DenseWeight")]
    [InlineData("Serch:DenseWeight=0.5", "'Serch:DenseWeight' is not a setting: the sections are")]
    public async Task A_bad_setting_is_one_line_naming_its_key_and_exit_code_2(string setting, string expected)
    {
        var (code, output, error) = await Cli.RunAsync("stats", "--data", store.Data, "--set", setting);

        Assert.Equal(2, code);
        Assert.Equal("", output);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(expected, line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_setting_of_the_store_not_in_use_is_still_a_setting()
    {
        var (code, _, error) = await Cli.RunAsync("stats", "--data", store.Data, "--set", "VectorStore:Qdrant:Endpoint=http://127.0.0.1:6334");

        Assert.True(code == 0, error);
    }
}
