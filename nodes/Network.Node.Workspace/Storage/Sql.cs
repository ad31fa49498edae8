using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Network.Node.Workspace.Storage;

/// <summary>The few ways the store talks SQL: a statement, a single value, and parameters added in a chain.</summary>
internal static class Sql
{
    public static async Task<int> ExecuteAsync(SqliteConnection connection, SqliteTransaction? transaction, string sql, Action<SqliteParameterCollection> parameters, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        parameters(command.Parameters);
        return await command.ExecuteNonQueryAsync(ct);
    }

    public static async Task<T> ScalarAsync<T>(SqliteConnection connection, SqliteTransaction? transaction, string sql, Action<SqliteParameterCollection> parameters, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        parameters(command.Parameters);
        var value = await command.ExecuteScalarAsync(ct);
        return value is null or DBNull ? default! : (T)Convert.ChangeType(value, Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T), CultureInfo.InvariantCulture);
    }

    /// <summary>Adds a parameter and returns the collection, so that parameters chain: <c>p.With("$a", 1).With("$b", 2)</c>; null becomes SQL NULL.</summary>
    public static SqliteParameterCollection With(this SqliteParameterCollection parameters, string name, object? value)
    {
        parameters.AddWithValue(name, value ?? DBNull.Value);
        return parameters;
    }
}
