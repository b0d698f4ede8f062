using Microsoft.Data.Sqlite;

namespace NewsBot.Store.Embedded;

internal static class SqliteFile
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
