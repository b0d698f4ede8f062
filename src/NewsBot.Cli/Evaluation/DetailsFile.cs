namespace NewsBot.Cli.Evaluation;

/// <summary>The per-question details file of an eval run (<c>--details</c>), opened before any work so a bad path fails at once.</summary>
internal static class DetailsFile
{
    public static StreamWriter? Open(FileInfo? file)
    {
        if (file is null)
        {
            return null;
        }

        try
        {
            return new StreamWriter(file.FullName);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"{file.FullName}: cannot write the details file: {ex.Message}");
        }
    }
}
