using System.Text.RegularExpressions;
using NewsBot.Testing;
using Xunit;

namespace NewsBot.Core.Tests;

/// <summary>The layout docs/ARCHITECTURE.md promises, read from the source itself so it stays true.</summary>
public sealed class SourceLayoutTests
{
    private static IEnumerable<(string Path, string Text)> Sources(string under) =>
        Directory.EnumerateFiles(RepositoryPaths.Of("src", under), "*.cs", SearchOption.AllDirectories)
            .Where(p => !p.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !p.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(p => (Path.GetRelativePath(RepositoryPaths.Root, p), File.ReadAllText(p)));

    [Fact]
    public void Every_SQLite_file_is_opened_one_way()
    {
        var elsewhere = Sources(".").Where(s => s.Text.Contains("new SqliteConnection(", StringComparison.Ordinal)).Select(s => s.Path).ToArray();
        Assert.Equal([Path.Combine("src", "NewsBot.SideData", "SqliteFile.cs")], elsewhere);
    }

    [Fact]
    public void The_embedded_store_project_holds_only_the_news_store()
    {
        var side = Sources("NewsBot.Store.Embedded")
            .Where(s => Regex.IsMatch(s.Text, @"\b(IStoryIndex|IFeedCache|stories\.db|feeds\.db|feedback|bot_state)\b"))
            .Select(s => s.Path).ToArray();
        Assert.Empty(side);
    }

    [Fact]
    public void No_source_file_is_longer_than_250_lines()
    {
        var long_ = Sources(".").Select(s => (s.Path, Lines: s.Text.Split('\n').Length)).Where(f => f.Lines > 251).Select(f => $"{f.Path}: {f.Lines}").ToArray();
        Assert.Empty(long_);
    }

    [Fact]
    public void Citation_markers_are_parsed_in_one_place()
    {
        var parsers = Sources(".").Where(s => s.Text.Contains(@"\[(\d+)\]", StringComparison.Ordinal) || s.Text.Contains(@"\[\d+\]", StringComparison.Ordinal))
            .Select(s => s.Path).ToArray();
        Assert.Equal([Path.Combine("src", "NewsBot.Core", "Text", "CitationMarkers.cs")], parsers);
    }
}
