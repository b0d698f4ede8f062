using Microsoft.Data.Sqlite;

namespace NewsBot.Store.Embedded;

/// <summary>How every SQLite file NewsBot keeps is opened: the store, the story index, the feed cache, and the bot's state, subscriptions and feedback.</summary>
public static class SqliteFile
{
    /// <summary>How every file of the embedded store is opened: created when missing, pooled, waiting up to 30 s for a writer.</summary>
    public static string ConnectionString(string path) => new SqliteConnectionStringBuilder
    {
        DataSource = path,
        Mode = SqliteOpenMode.ReadWriteCreate,
        Pooling = true,
        DefaultTimeout = 30,
    }.ToString();
}
