using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Network.Hub.Embargo;

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
                    throw new InvalidOperationException(
                        "Network:Storage:Provider is SqlServer but no connection string is set: set Network:Storage:ConnectionString or ConnectionStrings:Network.");
                }

                builder.Services.AddDbContextPool<SqlServerNetworkDbContext>(o => o.UseSqlServer(connectionString, sql => sql.EnableRetryOnFailure()));
                builder.Services.AddScoped<NetworkDbContext>(sp => ForTheCaller(sp, sp.GetRequiredService<SqlServerNetworkDbContext>()));
                break;
            default:
                connectionString ??= DefaultSqliteConnectionString(builder.Environment.ContentRootPath);
                builder.Services.AddDbContextPool<SqliteNetworkDbContext>(o => o.UseSqlite(connectionString));
                builder.Services.AddScoped<NetworkDbContext>(sp => ForTheCaller(sp, sp.GetRequiredService<SqliteNetworkDbContext>()));
                break;
        }

        builder.Services.AddScoped<CallerReadership>();
        builder.Services.AddHostedService<StorageMigrator>();
        return builder;
    }

    // Contexts come from a pool and keep their properties between uses: every hand-out binds the context to its
    // new scope's readership, so a context never carries one caller's readership into another caller's request.
    // The readership is the scope's own (decided once per request, or by name for the hub's own work), never
    // looked up from whatever HTTP request happens to be ambient: a scope nobody decided for reads the public view.
    private static NetworkDbContext ForTheCaller(IServiceProvider services, NetworkDbContext db)
    {
        db.ReadFor(services.GetRequiredService<CallerReadership>());
        return db;
    }

    private static string DefaultSqliteConnectionString(string contentRoot)
    {
        var directory = Path.Combine(contentRoot, "data");
        Directory.CreateDirectory(directory);
        return new SqliteConnectionStringBuilder { DataSource = Path.Combine(directory, "network.db"), Pooling = true }.ToString();
    }
}
