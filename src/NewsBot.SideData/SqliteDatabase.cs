using Microsoft.Data.Sqlite;

namespace NewsBot.SideData;

/// <summary>
/// One side store's SQLite file: opened through <see cref="SqliteFile"/>, its schema made once before the first
/// statement, and the three statements every side store runs (execute, read rows, claim a row with RETURNING).
/// </summary>
public sealed class SqliteDatabase
{
    private readonly Lazy<Task> _schema;

    /// <param name="path">The file.</param>
    /// <param name="schema">Statements that create the tables when missing (run once, before anything else).</param>
    /// <param name="upgrade">Optional: brings a file written by an older NewsBot up to the schema.</param>
    public SqliteDatabase(string path, string schema, Func<SqliteConnection, Task>? upgrade = null)
    {
        Path = path;
        _schema = new Lazy<Task>(async () =>
        {
            await using var connection = await SqliteFile.OpenAsync(path, CancellationToken.None);
            await SqliteCommands.ExecuteAsync(connection, schema, CancellationToken.None);
            if (upgrade is not null)
            {
                await upgrade(connection);
            }
        });
    }

    public string Path { get; }

    /// <summary>An open connection to the file, its schema made.</summary>
    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        await _schema.Value;
        return await SqliteFile.OpenAsync(Path, cancellationToken);
    }

    /// <summary>Runs a statement; returns the rows it changed.</summary>
    public async Task<int> ExecuteAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = SqliteCommands.Create(connection, sql, parameters);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Runs a query, handing each row to <paramref name="row"/>.</summary>
    public async Task QueryAsync(string sql, Action<SqliteDataReader> row, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = SqliteCommands.Create(connection, sql, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            row(reader);
        }
    }

    /// <summary>Runs a statement with RETURNING; true when it returned a value that is not 0 (a row was claimed).</summary>
    public async Task<bool> ReturnsRowAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        var returned = false;
        await QueryAsync(sql, r => returned = r.FieldCount > 0 && !r.IsDBNull(0) && r.GetValue(0) is not (0L or false), cancellationToken, parameters);
        return returned;
    }
}
