using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Network.Hub.Embargo;
using Network.Hub.Hosting;

namespace Network.Hub.Storage;

/// <summary>
/// Makes the database ready before the hub takes any work: applies pending migrations, turns on WAL for SQLite and
/// proves it can write (<see cref="StorageProbe"/>). A database that cannot serve stops the start with one
/// <see cref="StartupFailureException"/> sentence naming the file or setting and what to do. <c>Program</c> calls it
/// before the host starts (so the host never logs the failure with a stack trace); the hosted
/// <see cref="StorageMigrator"/> calls it for hosts that do not (the admin commands) and finds the work done otherwise.
/// </summary>
public sealed class StorageStartup(IServiceProvider services, ILogger<StorageStartup> logger)
{
    private readonly Lock _lock = new();
    private Task? _prepared;

    /// <summary>Prepares the database once per process; later calls share the first call's outcome.</summary>
    public Task PrepareAsync(CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return _prepared ??= PrepareOnceAsync(cancellationToken);
        }
    }

    private async Task PrepareOnceAsync(CancellationToken cancellationToken)
    {
        await using var scope = services.CreateNetworkScope();
        var db = scope.ServiceProvider.GetRequiredService<NetworkDbContext>();
        try
        {
            // Migrating such a database would try to create its tables again and fail on the first one: say what it is.
            var unknown = await StorageProbe.UnknownMigrationsAsync(db, cancellationToken);
            if (unknown.Count > 0)
            {
                throw new StartupFailureException(UnknownHistorySentence(db, unknown));
            }

            var pending = await StorageProbe.PendingMigrationsAsync(db, cancellationToken);
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

            await StorageProbe.WriteAsync(db, cancellationToken);
        }
        catch (Exception e) when (e is DbException or ArgumentException or (InvalidOperationException and not StartupFailureException) && !cancellationToken.IsCancellationRequested)
        {
            throw new StartupFailureException(Sentence(db, e), e);
        }
    }

    // One sentence: what cannot be used, why, and what to do.
    internal static string Sentence(NetworkDbContext db, Exception e)
    {
        if (db.Database.IsSqlite())
        {
            var file = SqliteFile(db);
            if (e is ArgumentException)
            {
                return $"The SQLite connection string in Network:Storage:ConnectionString is not valid ({e.Message.TrimEnd('.')}): correct it, or remove it to use data/network.db under the hub's directory.";
            }

            var code = (e as SqliteException ?? e.InnerException as SqliteException)?.SqliteErrorCode ?? 0;
            var what = StorageFailure.Phrase(code) ?? $"the database file cannot be used ({Innermost(e)})";
            var todo = code switch
            {
                8 => "give the hub's user write access to the file and its directory, or point Network:Storage:ConnectionString at a writable file",
                11 or 26 => "restore the file from a backup, or move it aside to start with an empty database",
                14 => "check that its directory exists and that the hub's user may read and write it, or point Network:Storage:ConnectionString elsewhere",
                5 or 6 => "stop the other process that holds it, then start the hub again",
                13 => "free space on that disk",
                _ => "check the file and its directory, or point Network:Storage:ConnectionString at another file",
            };
            return $"Cannot use the database {file}: {what}; {todo}.";
        }

        return $"Cannot use the SQL Server database named by Network:Storage:ConnectionString (or ConnectionStrings:Network): {Innermost(e).TrimEnd('.')}; check that the server is running and reachable, that the database exists and that the login may read and write it.";
    }

    // The migrations were squashed into one per provider before any database was deployed (issue 12): a database made
    // by the old ones holds only test data, so it is replaced rather than converted.
    internal static string UnknownHistorySentence(NetworkDbContext db, IReadOnlyList<string> unknown)
    {
        var what = $"was made by migrations this build does not have ({string.Join(", ", unknown)}; the hub's migrations were squashed into one, {string.Join(", ", db.Database.GetMigrations())})";
        return db.Database.IsSqlite()
            ? $"The database {SqliteFile(db)} {what}: delete the file (with its -wal and -shm files) or move it aside, and the hub creates a new one."
            : $"The SQL Server database named by Network:Storage:ConnectionString (or ConnectionStrings:Network) {what}: drop it and create it empty, and the hub migrates it.";
    }

    private static string SqliteFile(NetworkDbContext db)
    {
        try
        {
            var source = new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
            return string.IsNullOrEmpty(source) || source == ":memory:" ? "(in memory)" : Path.GetFullPath(source);
        }
        catch (ArgumentException)
        {
            return "named by Network:Storage:ConnectionString";
        }
    }

    private static string Innermost(Exception e)
    {
        while (e.InnerException is { } inner)
        {
            e = inner;
        }

        return e.Message;
    }
}

/// <summary>
/// Prepares storage (<see cref="StorageStartup"/>) as the first hosted service, so consumers and the demo network start
/// on a current schema in every host; in the web hub, <c>Program</c> has already done it and this returns at once.
/// </summary>
internal sealed class StorageMigrator(StorageStartup startup) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => startup.PrepareAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
