using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Network.Hub.Identity;
using Network.Hub.Keys;
using Network.Hub.Storage;
using Network.Testing;

namespace Network.Performance;

/// <summary>
/// The SQLite files the <c>attacks</c> command's hub processes run on: the demo store (empty until the hub's demo
/// network imports its 8 cities at start-up) or a copy of the comparison database (<see cref="ComparisonDatabase"/>,
/// 1,000 cities × 5 periods by default). Each gets, before the hub starts, the publishing city the load run ingests
/// for: registered with its key and a node client, as <c>cities add --jwk</c> and <c>clients add --city</c> do
/// (the same services, on the same file).
/// </summary>
public sealed class HubStore : IDisposable
{
    /// <summary>A store for one run, with a fresh publishing city.</summary>
    public HubStore(string? bigStorePath)
    {
        BigStorePath = bigStorePath;
        Publisher = new TestCity("NO-L0001", "Load-test city");
        PublisherSecret = Convert.ToHexString(RandomNumberGenerator.GetBytes(24));
    }

    /// <summary>The comparison database to copy for the big store; null when there is none.</summary>
    public string? BigStorePath { get; }

    /// <summary>The city the ingestion part publishes for (its private key signs the snapshots).</summary>
    public TestCity Publisher { get; }

    /// <summary>The client id of <see cref="Publisher"/>'s node.</summary>
    public string PublisherClientId => "node-" + Publisher.CityId;

    /// <summary>The secret of <see cref="PublisherClientId"/>.</summary>
    public string PublisherSecret { get; }

    /// <summary>
    /// Makes a fresh directory for a hub with its database (<c>hub.db</c>): the big store's copy when
    /// <paramref name="big"/>, else an empty, migrated one; the publishing city and its client registered in it.
    /// Returns the directory and the database path.
    /// </summary>
    public async Task<(string Directory, string Database)> PrepareAsync(bool big)
    {
        var directory = Path.Combine(Path.GetTempPath(), "network-attacks", Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(directory);
        var database = Path.Combine(directory, "hub.db");
        if (big)
        {
            var source = BigStorePath ?? throw new InvalidOperationException("No big store was built.");
            File.Copy(source, database);
            if (File.Exists(source + "-wal"))
            {
                File.Copy(source + "-wal", database + "-wal");
            }
        }

        await RegisterPublisherAsync(database);
        return (directory, database);
    }

    /// <inheritdoc/>
    public void Dispose() => Publisher.Dispose();

    // The admin commands' host: storage (migrated at start), the key registry and the OAuth client store, no server.
    private async Task RegisterPublisherAsync(string database)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Configuration["Network:Storage:Provider"] = "Sqlite";
        builder.Configuration["Network:Storage:ConnectionString"] = $"Data Source={database};Pooling=False";
        builder.Services.AddSingleton(TimeProvider.System);
        builder.AddStorage();
        builder.Services.AddScoped<KeyRegistry>();
        builder.Services.AddClientStore();
        using var host = builder.Build();
        await host.StartAsync();
        try
        {
            await using var scope = host.Services.CreateAsyncScope();
            var registry = scope.ServiceProvider.GetRequiredService<KeyRegistry>();
            await registry.AddOrUpdateCityAsync(Publisher.CityId, Publisher.Name, population: 50_000, synthetic: true);
            await registry.RegisterKeyAsync(Publisher.CityId, Publisher.Keys.PublicJwk, Publisher.Keys.KeyId, DateTimeOffset.UnixEpoch);
            await scope.ServiceProvider.GetRequiredService<ClientRegistry>().AddNodeClientAsync(Publisher.CityId, secret: PublisherSecret);
        }
        finally
        {
            await host.StopAsync();
        }
    }
}
