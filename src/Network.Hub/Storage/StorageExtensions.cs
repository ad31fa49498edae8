using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Network.Hub.Embargo;
using Network.Hub.Health;
using Network.Hub.Hosting;

namespace Network.Hub.Storage;

/// <summary>Registers the hub's storage and migrates it at start-up.</summary>
public static class StorageExtensions
{
    /// <summary>Adds <see cref="NetworkDbContext"/> on the configured provider.</summary>
    public static IHostApplicationBuilder AddStorage(this IHostApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();
        var connectionString = options.ConnectionString ?? builder.Configuration.GetConnectionString("Network");
        switch (options.Provider)
        {
            case StorageProvider.SqlServer:
                if (string.IsNullOrWhiteSpace(connectionString))
                {
                    throw new StartupFailureException(
                        "Network:Storage:Provider is SqlServer but no connection string is set: set Network:Storage:ConnectionString or ConnectionStrings:Network.");
                }

                builder.Services.AddDbContextPool<SqlServerNetworkDbContext>(o => ForTheHub(o.UseSqlServer(connectionString, sql => sql.EnableRetryOnFailure())));
                builder.Services.AddScoped<NetworkDbContext>(sp => ForTheCaller(sp, sp.GetRequiredService<SqlServerNetworkDbContext>()));
                break;
            default:
                connectionString = connectionString is null
                    ? DefaultSqliteConnectionString(builder.Environment.ContentRootPath)
                    : ValidSqliteConnectionString(connectionString);
                builder.Services.AddDbContextPool<SqliteNetworkDbContext>(o => ForTheHub(o.UseSqlite(connectionString)));
                builder.Services.AddScoped<NetworkDbContext>(sp => ForTheCaller(sp, sp.GetRequiredService<SqliteNetworkDbContext>()));
                break;
        }

        builder.Services.AddScoped<CallerReadership>();
        builder.Services.AddSingleton<StorageStartup>();
        builder.Services.AddHostedService<StorageMigrator>();
        builder.Services.AddHealthChecks().AddCheck<StorageHealthCheck>("database", tags: [HealthApi.ReadyTag]);
        return builder;
    }

    /// <summary>
    /// Migrates the database and proves it can be written (<see cref="StorageStartup"/>) before the host starts, so a
    /// database that cannot serve stops the hub with one sentence (<see cref="StartupFailureException"/>).
    /// </summary>
    public static Task PrepareStorageAsync(this IHost host, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(host);
        return host.Services.GetRequiredService<StorageStartup>().PrepareAsync(cancellationToken);
    }

    // Both providers alike: members-only columns translate inside queries (MembersOnlyExpansion), failures are quiet.
    private static DbContextOptionsBuilder ForTheHub(DbContextOptionsBuilder options) =>
        QuietFailures(options).AddInterceptors(MembersOnlyExpansion.Instance);

    // EF logs a failed command, connection, query or save as an error, with the SQL and the stack trace, and then throws
    // it; whoever catches it reports it once (a 503 line, the start-up sentence, the 500 handler for a bug). Logged at
    // debug here, a broken database does not print a stack trace per request nor at start-up. SQLite rebuilds a table to
    // change a column's nullability (the Verification migration does so for Enrollments) and EF warns that the rebuild's
    // PRAGMA runs outside the transaction: expected and harmless, so not a warning line on every new database's first start.
    private static DbContextOptionsBuilder QuietFailures(DbContextOptionsBuilder options) =>
        options.ConfigureWarnings(w => w.Log(
            (RelationalEventId.NonTransactionalMigrationOperationWarning, LogLevel.Debug),
            (RelationalEventId.CommandError, LogLevel.Debug),
            (RelationalEventId.ConnectionError, LogLevel.Debug),
            (CoreEventId.QueryIterationFailed, LogLevel.Debug),
            (CoreEventId.SaveChangesFailed, LogLevel.Debug)));

    // Contexts come from a pool and keep their properties between uses: every hand-out binds the context to its
    // new scope's readership, so a context never carries one caller's readership into another caller's request.
    // The readership is the scope's own (decided once per request, or by name for the hub's own work), never
    // looked up from whatever HTTP request happens to be ambient: a scope nobody decided for reads the public view.
    private static NetworkDbContext ForTheCaller(IServiceProvider services, NetworkDbContext db)
    {
        db.ReadFor(services.GetRequiredService<CallerReadership>());
        return db;
    }

    private static string ValidSqliteConnectionString(string connectionString)
    {
        try
        {
            _ = new SqliteConnectionStringBuilder(connectionString);
            return connectionString;
        }
        catch (Exception e) when (e is ArgumentException or FormatException)
        {
            throw new StartupFailureException(
                $"Network:Storage:ConnectionString is not a valid SQLite connection string ({e.Message.TrimEnd('.')}): correct it, or remove it to use data/network.db under the hub's directory.", e);
        }
    }

    private static string DefaultSqliteConnectionString(string contentRoot)
    {
        var directory = Path.Combine(contentRoot, "data");
        try
        {
            Directory.CreateDirectory(directory);
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            throw new StartupFailureException(
                $"Cannot create the database directory {directory}: {e.Message.TrimEnd('.')}; make it writable for the hub's user, or set Network:Storage:ConnectionString to a file elsewhere.", e);
        }

        return new SqliteConnectionStringBuilder { DataSource = Path.Combine(directory, "network.db"), Pooling = true }.ToString();
    }
}
