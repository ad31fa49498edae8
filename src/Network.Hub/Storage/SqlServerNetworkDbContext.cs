using Microsoft.EntityFrameworkCore;

namespace Network.Hub.Storage;

/// <summary>The model on SQL Server: production. Migrations in <c>Storage/Migrations/SqlServer</c>.</summary>
public sealed class SqlServerNetworkDbContext(DbContextOptions<SqlServerNetworkDbContext> options) : NetworkDbContext(options);
