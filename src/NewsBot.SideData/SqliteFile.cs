using Microsoft.Data.Sqlite;

namespace NewsBot.SideData;

/// <summary>How every SQLite file NewsBot keeps is opened: the news store, the story index, the feed cache, and the bot's state, subscriptions and feedback.</summary>
public static class SqliteFile
{
    /// <summary>Created when missing, pooled, waiting up to 30 s for a writer.</summary>
    public static string ConnectionString(string path) => new SqliteConnectionStringBuilder
    {
        DataSource = path,
        Mode = SqliteOpenMode.ReadWriteCreate,
        Pooling = true,
        DefaultTimeout = 30,
    }.ToString();

    /// <summary>Opens the file at <paramref name="path"/>, creating it and its folder when missing.</summary>
    public static async Task<SqliteConnection> OpenAsync(string path, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var connection = new SqliteConnection(ConnectionString(path));
        try
        {
            await connection.OpenAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }
}
