using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Network.Hub.Storage;

namespace Network.Hub.Tests.Storage;

/// <summary>
/// Each provider keeps its own migrations (Storage/Migrations/Sqlite and /SqlServer), made by <c>dotnet ef migrations
/// add</c> once per context. These tests keep the two sets in step: the same migrations by name, each provider's model
/// snapshot equal to the current model (a model change without a migration, or with one for only one provider, fails
/// here), and a SQLite database migrated from empty holding every table, column and index the model declares.
/// None of them needs a SQL Server: listing migrations and comparing models does not connect.
/// </summary>
public sealed class MigrationSetTests
{
    [Fact]
    public void Both_providers_have_the_same_migrations_by_name()
    {
        using var sqlite = Sqlite();
        using var sqlServer = SqlServer();

        // An id is "yyyyMMddHHmmss_Name"; the timestamps of the two providers' migrations may differ.
        var sqliteNames = sqlite.Database.GetMigrations().Select(NameOf).ToArray();
        var sqlServerNames = sqlServer.Database.GetMigrations().Select(NameOf).ToArray();

        Assert.NotEmpty(sqliteNames);
        Assert.Equal(sqliteNames, sqlServerNames);
    }

    [Fact]
    public void The_sqlite_migrations_match_the_current_model()
    {
        using var db = Sqlite();

        Assert.False(db.Database.HasPendingModelChanges(), "The model changed without a SQLite migration: run `dotnet ef migrations add` for both contexts (README: Adding a migration).");
    }

    [Fact]
    public void The_sql_server_migrations_match_the_current_model()
    {
        using var db = SqlServer();

        Assert.False(db.Database.HasPendingModelChanges(), "The model changed without a SQL Server migration: run `dotnet ef migrations add` for both contexts (README: Adding a migration).");
    }

    [Fact]
    public async Task A_sqlite_database_migrated_from_empty_has_every_table_column_and_index_of_the_model()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var connection = new SqliteConnection("Data Source=:memory:");
        await connection.OpenAsync(ct);
        await using var db = new SqliteNetworkDbContext(new DbContextOptionsBuilder<SqliteNetworkDbContext>().UseSqlite(connection).Options);

        await db.Database.MigrateAsync(ct);

        Assert.Empty(await db.Database.GetPendingMigrationsAsync(ct));
        var tables = await NamesAsync(connection, "table", ct);
        var indexes = await NamesAsync(connection, "index", ct);
        foreach (var entity in db.Model.GetEntityTypes().Where(e => e.GetTableName() is not null))
        {
            var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
            Assert.Contains(table.Name, tables);
            var columns = await ColumnsAsync(connection, table.Name, ct);
            foreach (var property in entity.GetProperties())
            {
                var column = property.GetColumnName(table);
                Assert.NotNull(column);
                Assert.Contains(column, columns);
            }

            foreach (var index in entity.GetIndexes())
            {
                var name = index.GetDatabaseName(table);
                Assert.NotNull(name);
                Assert.Contains(name, indexes);
            }
        }
    }

    private static string NameOf(string migrationId) => migrationId[(migrationId.IndexOf('_', StringComparison.Ordinal) + 1)..];

    private static SqliteNetworkDbContext Sqlite() =>
        new(new DbContextOptionsBuilder<SqliteNetworkDbContext>().UseSqlite("Data Source=:memory:").Options);

    private static SqlServerNetworkDbContext SqlServer() =>
        new(new DbContextOptionsBuilder<SqlServerNetworkDbContext>().UseSqlServer("Server=unused;Database=Network;TrustServerCertificate=true").Options);

    private static async Task<HashSet<string>> NamesAsync(SqliteConnection connection, string type, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM sqlite_master WHERE type = $type";
        command.Parameters.AddWithValue("$type", type);
        return await ReadAllAsync(command, ct);
    }

    private static async Task<HashSet<string>> ColumnsAsync(SqliteConnection connection, string table, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM pragma_table_info($table)";
        command.Parameters.AddWithValue("$table", table);
        return await ReadAllAsync(command, ct);
    }

    private static async Task<HashSet<string>> ReadAllAsync(SqliteCommand command, CancellationToken ct)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }
}
