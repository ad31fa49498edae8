using Microsoft.EntityFrameworkCore;

namespace Network.Hub.Storage;

/// <summary>
/// Checks that the database can be read and written without changing it, for start-up (<see cref="StorageStartup"/>)
/// and readiness (<see cref="StorageHealthCheck"/>). A connection alone proves little: a read-only or damaged SQLite
/// file opens, and is found out by the first write, which used to be a caller's token request.
/// </summary>
internal static class StorageProbe
{
    /// <summary>
    /// Takes the database's write lock and lets it go: inside a transaction that is rolled back, an update that changes
    /// no value of the migrations history (a reserved lock on SQLite, row locks on SQL Server). Brackets quote the name
    /// on both providers.
    /// </summary>
    public static Task WriteAsync(NetworkDbContext db, CancellationToken cancellationToken) =>
        db.Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await db.Database.ExecuteSqlRawAsync("UPDATE [__EFMigrationsHistory] SET [ProductVersion] = [ProductVersion]", ct);
            await transaction.RollbackAsync(ct);
        }, cancellationToken);

    /// <summary>
    /// The migrations the database has applied that this build does not know: a database made by the migrations that
    /// were squashed into one <c>Initial</c> migration per provider (issue 12), or by a newer build.
    /// </summary>
    public static async Task<IReadOnlyList<string>> UnknownMigrationsAsync(NetworkDbContext db, CancellationToken cancellationToken) =>
        [.. (await db.Database.GetAppliedMigrationsAsync(cancellationToken)).Except(db.Database.GetMigrations(), StringComparer.Ordinal)];

    /// <summary>The migrations this build knows that the database has not applied.</summary>
    public static async Task<IReadOnlyList<string>> PendingMigrationsAsync(NetworkDbContext db, CancellationToken cancellationToken) =>
        [.. await db.Database.GetPendingMigrationsAsync(cancellationToken)];
}
