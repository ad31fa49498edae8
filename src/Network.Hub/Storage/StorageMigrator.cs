using Microsoft.EntityFrameworkCore;
using Network.Hub.Embargo;

namespace Network.Hub.Storage;

/// <summary>
/// Applies pending migrations before the hub takes any work. Registered first among the hosted services,
/// so consumers and the demo network start on a current schema.
/// </summary>
internal sealed class StorageMigrator(IServiceProvider services, ILogger<StorageMigrator> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = services.CreateNetworkScope();
        var db = scope.ServiceProvider.GetRequiredService<NetworkDbContext>();
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count > 0)
        {
            logger.LogInformation("Applying {Count} migration(s) on {Provider}: {Migrations}", pending.Count, db.Database.ProviderName, string.Join(", ", pending));
            await db.Database.MigrateAsync(cancellationToken);
        }

        if (db.Database.IsSqlite())
        {
            // WAL lets readers (GraphQL, OData) run while the ingestion writes.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
