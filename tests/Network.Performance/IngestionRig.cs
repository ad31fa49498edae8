using Network.Testing;
using Network.Testing.Hub;

namespace Network.Performance;

/// <summary>
/// The ingestion set-up both the benchmark and the profile use: a fresh virtual host, the real hub in process
/// (RabbitMQ transport, its own SQLite file), the city registered, and a node publishing for it.
/// </summary>
public sealed class IngestionRig : IAsyncDisposable
{
    private IngestionRig(RabbitMqBroker.VirtualHost virtualHost, HubFactory hub, BenchNode node)
    {
        VirtualHost = virtualHost;
        Hub = hub;
        Node = node;
    }

    /// <summary>The virtual host this run owns.</summary>
    public RabbitMqBroker.VirtualHost VirtualHost { get; }

    /// <summary>The hub.</summary>
    public HubFactory Hub { get; }

    /// <summary>The publishing node.</summary>
    public BenchNode Node { get; }

    /// <summary>Starts everything for <paramref name="city"/>, with extra hub settings if given.</summary>
    public static async Task<IngestionRig> StartAsync(TestCity city, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var vhost = await RabbitMqBroker.CreateVirtualHostAsync();
        var all = new Dictionary<string, string?>
        {
            ["Network:Bus:Transport"] = "RabbitMq",
            ["Network:Bus:RabbitMq:Host"] = RabbitMqBroker.Host,
            ["Network:Bus:RabbitMq:VirtualHost"] = vhost.Name,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        var hub = new HubFactory(all);
        _ = hub.Services; // starts the hub: migrations, then the bus (start-up waits until it is connected)
        await hub.RegisterAsync(city);
        var node = await BenchNode.StartAsync(city.CityId, vhost.Name);
        return new IngestionRig(vhost, hub, node);
    }

    /// <summary>Publishes <paramref name="batch"/> and waits until the node has an answer for each; throws on any refusal.</summary>
    public async Task IngestAsync(IReadOnlyList<string> batch, int inFlight, TimeSpan patience)
    {
        var answered = Node.Answers.Expect(batch.Count);
        await Node.PublishAllAsync(batch, inFlight);
        await Countdown.WaitAsync(answered, Node.Answers, batch.Count, patience, "answers");
        Node.Rejections.ThrowIfAny();
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await Node.DisposeAsync();
        await Hub.DisposeAsync();
        await VirtualHost.DisposeAsync();
    }
}
