using NewsBot.Testing;
using Xunit;

namespace NewsBot.Tests;

/// <summary>A test that drives the Agents Playground; reported as skipped, with the reason, where it is not installed.</summary>
public sealed class PlaygroundFactAttribute : FactAttribute
{
    public const string Conversation = "newsbot-e2e";

    public PlaygroundFactAttribute()
    {
        if (!File.Exists(Cli))
        {
            Skip = $"The Agents Playground is not installed ({Cli}); run: npm ci --prefix tests/playground (.ci/run does).";
        }
    }

    public static string Cli => RepositoryPaths.Of("tests", "playground", "node_modules", "@microsoft", "m365agentsplayground", "cli.js");
}
