using Microsoft.Data.Sqlite;
using Network.Testing;
using Network.Testing.Hub;

namespace Network.Node.Tests.Support;

/// <summary>
/// A virtual host of its own on the local RabbitMQ broker, with the hub in process on the RabbitMQ transport (as
/// tests/Network.EndToEnd.Tests does). Other test assemblies run at the same time, and one of them restarts the
/// broker: everything that touches the broker here is retried for a while.
/// </summary>
public sealed class RabbitHub : IAsyncDisposable
{
    private RabbitHub(RabbitMqBroker.VirtualHost virtualHost, string databasePath)
    {
        VirtualHost = virtualHost;
        DatabasePath = databasePath;
    }

    public RabbitMqBroker.VirtualHost VirtualHost { get; }

    /// <summary>The hub's SQLite file, kept across <see cref="StartHubAsync"/> calls.</summary>
    public string DatabasePath { get; }

    /// <summary>The hub running now, if any.</summary>
    public HubFactory? Hub { get; private set; }

    /// <summary>A fresh virtual host (needs rabbitmqctl: skips, or fails under NETWORK_REQUIRE_RABBITMQ=1, without it).</summary>
    public static async Task<RabbitHub> CreateAsync(bool startHub = true)
    {
        RabbitMqBroker.RequireControl();
        var virtualHost = await Retry.UntilAsync(RabbitMqBroker.CreateVirtualHostAsync, TimeSpan.FromSeconds(90));
        var hub = new RabbitHub(virtualHost, Path.Combine(Path.GetTempPath(), $"network-node-hub-{Guid.NewGuid():N}.db"));
        if (startHub)
        {
            await hub.StartHubAsync();
        }

        return hub;
    }

    /// <summary>Starts the hub on this virtual host and database; returns once its bus is connected.</summary>
    public async Task<HubFactory> StartHubAsync()
    {
        var hub = new HubFactory(new Dictionary<string, string?>
        {
            ["Network:Bus:Transport"] = "RabbitMq",
            ["Network:Bus:RabbitMq:Host"] = RabbitMqBroker.Host,
            ["Network:Bus:RabbitMq:VirtualHost"] = VirtualHost.Name,
            ["Network:Storage:ConnectionString"] = new SqliteConnectionStringBuilder { DataSource = DatabasePath }.ToString(),
        });
        _ = hub.Services; // starts the host: migrations, then the bus (start-up waits until it is connected)
        Hub = hub;
        return hub;
    }

    /// <summary>Stops the hub (its queue stays on the broker, and what arrives meanwhile waits there).</summary>
    public async Task StopHubAsync()
    {
        if (Hub is { } hub)
        {
            Hub = null;
            await hub.DisposeAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopHubAsync();
        await VirtualHost.DisposeAsync();
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(DatabasePath + suffix);
        }
    }
}

/// <summary>Retries what a broker restart by another test assembly can break for a few seconds.</summary>
public static class Retry
{
    public static async Task<T> UntilAsync<T>(Func<Task<T>> action, TimeSpan limit)
    {
        var deadline = DateTime.UtcNow + limit;
        while (true)
        {
            try
            {
                return await action();
            }
            catch (Exception e) when (e is InvalidOperationException or IOException && DateTime.UtcNow < deadline)
            {
                await Task.Delay(TimeSpan.FromSeconds(2));
            }
        }
    }
}
