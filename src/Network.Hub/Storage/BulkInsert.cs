using System.Data.Common;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Network.Hub.Storage;

/// <summary>
/// Inserts many rows of one entity type with one prepared <c>INSERT</c> statement executed again and again (multi-row
/// <c>VALUES (…), (…)</c> on a database server) on the context's connection and current transaction, bypassing the
/// change tracker. Table, columns, quoting and every value's
/// conversion come from the EF model and the provider's type mappings, so the rows are stored exactly as
/// <c>SaveChanges</c> would store them, on SQLite and SQL Server alike.
/// </summary>
/// <remarks>
/// Why: a snapshot has 91 values, so a batch of 64 snapshots is ~5,800 value rows. Through <c>SaveChanges</c> each
/// row is a tracked entity, a command in a topologically sorted batch and, on SQLite, a statement parsed on every
/// call; that cost 6 ms per snapshot, 70% of ingestion (docs/benchmarks.md). Here one statement is prepared per
/// call and bound row after row (chunk after chunk on a server).
/// </remarks>
internal static class BulkInsert
{
    // SQL Server accepts at most 2,100 parameters per command; stay below it on every provider.
    private const int MaxParameters = 2_000;

    /// <summary>
    /// Inserts <paramref name="rows"/> (none of them tracked) into <typeparamref name="T"/>'s table inside the
    /// current transaction. Store-generated keys are left to the database and are not read back.
    /// </summary>
    public static async Task InsertAsync<T>(this DbContext db, IReadOnlyList<T> rows, CancellationToken ct)
        where T : class
    {
        if (rows.Count == 0)
        {
            return;
        }

        var transaction = db.Database.CurrentTransaction
            ?? throw new InvalidOperationException("Bulk inserts run inside the caller's transaction; begin one first.");
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var columns = entity.GetProperties()
            .Where(p => !(p.IsPrimaryKey() && p.ValueGenerated.HasFlag(ValueGenerated.OnAdd)))
            .Select(p => new Column(p.GetColumnName(table)!, p.GetRelationalTypeMapping(), p.GetGetter(), p.IsNullable))
            .ToArray();
        var sql = db.GetService<ISqlGenerationHelper>();
        // SQLite runs in process: one prepared single-row statement, bound and stepped once per row, is fastest
        // there, because it looks each named parameter up by a linear search, so a wide multi-row statement costs
        // quadratically (measured: 1 row per statement ~1 ms per snapshot of 91 values, 181 rows ~15 ms). A server
        // pays a round trip per statement instead, so there rows are packed up to the parameter limit.
        var rowsPerStatement = db.Database.IsSqlite() ? 1 : Math.Max(1, MaxParameters / columns.Length);

        var connection = db.Database.GetDbConnection();
        await using var full = Command(connection, transaction.GetDbTransaction(), sql, table, columns, rowsPerStatement);
        for (var start = 0; start < rows.Count; start += rowsPerStatement)
        {
            var count = Math.Min(rowsPerStatement, rows.Count - start);
            if (count == rowsPerStatement)
            {
                await ExecuteAsync(full, sql, columns, rows, start, count, ct);
            }
            else
            {
                await using var rest = Command(connection, transaction.GetDbTransaction(), sql, table, columns, count);
                await ExecuteAsync(rest, sql, columns, rows, start, count, ct);
            }
        }
    }

    private static DbCommand Command(
        DbConnection connection, DbTransaction transaction, ISqlGenerationHelper sql, StoreObjectIdentifier table, Column[] columns, int rowCount)
    {
        var text = new StringBuilder("INSERT INTO ")
            .Append(sql.DelimitIdentifier(table.Name, table.Schema))
            .Append(" (")
            .AppendJoin(", ", columns.Select(c => sql.DelimitIdentifier(c.Name)))
            .Append(") VALUES ");
        for (var r = 0; r < rowCount; r++)
        {
            text.Append(r == 0 ? "(" : ", (");
            for (var c = 0; c < columns.Length; c++)
            {
                text.Append(c == 0 ? "" : ", ").Append(sql.GenerateParameterNamePlaceholder(ParameterName(r, c, columns.Length)));
            }

            text.Append(')');
        }

        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = text.ToString();
        return command;
    }

    private static async Task ExecuteAsync<T>(DbCommand command, ISqlGenerationHelper sql, Column[] columns, IReadOnlyList<T> rows, int start, int count, CancellationToken ct)
        where T : class
    {
        // The provider's own mapping creates each parameter: it applies the model's value converters (enums stored
        // as text, ...) and the provider's storage format (e.g. SQLite's Guid as text), as SaveChanges does.
        command.Parameters.Clear();
        for (var r = 0; r < count; r++)
        {
            var row = rows[start + r];
            for (var c = 0; c < columns.Length; c++)
            {
                var column = columns[c];
                command.Parameters.Add(column.Mapping.CreateParameter(
                    command, sql.GenerateParameterName(ParameterName(r, c, columns.Length)), column.Getter.GetClrValueUsingContainingEntity(row), column.Nullable));
            }
        }

        await command.ExecuteNonQueryAsync(ct);
    }

    private static string ParameterName(int row, int column, int columns) =>
        "p" + (row * columns + column).ToString(CultureInfo.InvariantCulture);

    private sealed record Column(string Name, RelationalTypeMapping Mapping, IClrPropertyGetter Getter, bool Nullable);
}
