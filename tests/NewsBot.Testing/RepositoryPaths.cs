namespace NewsBot.Testing;

/// <summary>Files of the repository the tests run from: found by walking up to NewsBot.sln.</summary>
public static class RepositoryPaths
{
    public static string Root
    {
        get
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "NewsBot.sln")))
            {
                directory = directory.Parent;
            }

            return directory?.FullName ?? throw new InvalidOperationException("The tests are not running inside the NewsBot repository.");
        }
    }

    public static string Of(params string[] parts) => Path.Combine([Root, .. parts]);

    /// <summary>A file another project built, in the same configuration and framework folders as the running tests.</summary>
    public static string Built(string project, string file)
    {
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        return Of(project, "bin", output.Parent!.Name, output.Name, file);
    }
}
