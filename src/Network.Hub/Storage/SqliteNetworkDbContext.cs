using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Network.Hub.Storage;

/// <summary>The model on SQLite: the embedded default and most tests. Migrations in <c>Storage/Migrations/Sqlite</c>.</summary>
public sealed class SqliteNetworkDbContext(DbContextOptions<SqliteNetworkDbContext> options) : NetworkDbContext(options)
{
    /// <inheritdoc/>
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite has no date-time-with-offset type, and EF cannot order or compare one stored as text:
        // store instants as UTC ticks so "newest snapshot" and "as of date" queries run in the database.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
    }
}
