using NewsBot.Testing;
using Xunit;

namespace NewsBot.Tests;

/// <summary>The container files ship a bot that needs credentials (or the explicit opt-in), runs unprivileged, and a Qdrant with a key on loopback.</summary>
public sealed class DeploymentFilesTests
{
    private static readonly string Dockerfile = File.ReadAllText(RepositoryPaths.Of("Dockerfile"));
    private static readonly string Compose = File.ReadAllText(RepositoryPaths.Of("docker-compose.yml"));

    [Fact]
    public void The_image_runs_as_an_unprivileged_user_and_does_not_opt_into_anonymous_access()
    {
        Assert.Contains("\nUSER $APP_UID", Dockerfile, StringComparison.Ordinal);
        var instructions = string.Join('\n', Dockerfile.Split('\n').Where(l => !l.TrimStart().StartsWith('#')));
        Assert.DoesNotContain("AllowAnonymousRemote", instructions, StringComparison.Ordinal);
        Assert.DoesNotContain("AllowAnonymousRemote: \"true\"", Compose, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_requires_a_Qdrant_key_and_publishes_ports_on_loopback_only()
    {
        Assert.Contains("QDRANT__SERVICE__API_KEY: ${QDRANT_API_KEY:?", Compose, StringComparison.Ordinal);
        Assert.Contains("NEWSBOT_VectorStore__Qdrant__ApiKey: ${QDRANT_API_KEY:?", Compose, StringComparison.Ordinal);
        var ports = Compose.Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith("- \"", StringComparison.Ordinal) && l.Count(c => c == ':') >= 1).ToArray();
        Assert.NotEmpty(ports);
        Assert.All(ports, p => Assert.StartsWith("- \"127.0.0.1:", p, StringComparison.Ordinal));
    }
}
