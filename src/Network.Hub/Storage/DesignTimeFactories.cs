using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Network.Hub.Storage;

// Used only by `dotnet ef migrations add` (see README): each provider keeps its own migrations.

/// <summary>Design-time factory for the SQLite migrations.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteNetworkDbContext>
{
    /// <inheritdoc/>
    public SqliteNetworkDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteNetworkDbContext>().UseSqlite("Data Source=design-time.db").Options);
}

/// <summary>Design-time factory for the SQL Server migrations.</summary>
public sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerNetworkDbContext>
{
    /// <inheritdoc/>
    public SqlServerNetworkDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlServerNetworkDbContext>().UseSqlServer("Server=design-time;Database=Network;TrustServerCertificate=true").Options);
}
