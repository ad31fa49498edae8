using Network.Testing;
using Network.Testing.Hub;

namespace Network.EndToEnd.Tests.Bus;

/// <summary>A hub in process on the RabbitMQ transport, on its own virtual host and SQLite file, with two cities registered.</summary>
internal sealed class BrokerHub : IAsyncDisposable
{
    private BrokerHub(RabbitMqBroker.VirtualHost virtualHost, HubFactory hub)
    {
        VirtualHost = virtualHost;
        Hub = hub;
    }

    public RabbitMqBroker.VirtualHost VirtualHost { get; }

    public HubFactory Hub { get; }

    public TestCity Trondheim { get; } = TestCity.Trondheim();

    public TestCity Bergen { get; } = TestCity.Bergen();

    public static async Task<BrokerHub> StartAsync()
    {
        RabbitMqBroker.RequireControl();
        var vhost = await RabbitMqBroker.CreateVirtualHostAsync();
        var hub = new HubFactory(Settings(vhost.Name));
        var started = new BrokerHub(vhost, hub);
        _ = hub.Services; // starts the host: migrations, then the bus (start-up waits until it is connected)
        await hub.RegisterAsync(started.Trondheim);
        await hub.RegisterAsync(started.Bergen);
        return started;
    }

    public static Dictionary<string, string?> Settings(string virtualHost) => new()
    {
        ["Network:Bus:Transport"] = "RabbitMq",
        ["Network:Bus:RabbitMq:Host"] = RabbitMqBroker.Host,
        ["Network:Bus:RabbitMq:VirtualHost"] = virtualHost,
    };

    public async ValueTask DisposeAsync()
    {
        await Hub.DisposeAsync();
        await VirtualHost.DisposeAsync();
        Trondheim.Dispose();
        Bergen.Dispose();
    }
}
