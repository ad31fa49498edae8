using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Network.Hub.Embargo;

namespace Network.Hub.Storage;

/// <summary>
/// Readiness of the database: it answers a read, takes a write (rolled back, <see cref="StorageProbe"/>) and has every
/// migration this build knows. The description says which failed, in words meant for the operator; exception text is
/// never put in the result (the health endpoints do not write it out, and this keeps it out of any other writer).
/// </summary>
internal sealed class StorageHealthCheck(IServiceScopeFactory scopes) : IHealthCheck
{
    /// <summary>How long one probe may wait, e.g. for SQLite's write lock while an ingestion batch commits.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateNetworkScope();
        var db = scope.ServiceProvider.GetRequiredService<NetworkDbContext>();
        db.Database.SetCommandTimeout(Timeout);
        try
        {
            var pending = await StorageProbe.PendingMigrationsAsync(db, cancellationToken);
            if (pending.Count > 0)
            {
                return HealthCheckResult.Unhealthy($"{pending.Count} migration(s) not applied");
            }

            await StorageProbe.WriteAsync(db, cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy(StorageFailure.Describe(e) ?? "the database did not answer a read and a write");
        }
    }
}
