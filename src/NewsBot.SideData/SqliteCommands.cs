using Microsoft.Data.Sqlite;

namespace NewsBot.SideData;

/// <summary>One statement on an open connection: made with its parameters, run, or read as a single text value.</summary>
public static class SqliteCommands
{
    public static SqliteCommand Create(SqliteConnection connection, string sql, (string Name, object? Value)[] parameters, SqliteTransaction? transaction = null)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command;
    }

    public static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken, SqliteTransaction? transaction = null)
    {
        await using var command = Create(connection, sql, [], transaction);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public static async Task<string?> ScalarAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken, SqliteTransaction? transaction = null, params (string Name, object? Value)[] parameters)
    {
        await using var command = Create(connection, sql, parameters, transaction);
        var result = await command.ExecuteScalarAsync(cancellationToken);
        return result is null or DBNull ? null : Convert.ToString(result, System.Globalization.CultureInfo.InvariantCulture);
    }
}
