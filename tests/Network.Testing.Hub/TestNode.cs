using System.Collections.Concurrent;
using MassTransit;
using Network.Contracts.Messages;
using Network.Hub.Messaging;
using Network.Messaging;

namespace Network.Testing.Hub;

/// <summary>
/// A minimal city node on a real RabbitMQ broker: publishes <see cref="SnapshotSubmitted"/> and receives the
/// answers routed to its own city, exactly as the production node binds them. Collects every answer.
/// </summary>
public sealed class TestNode : IAsyncDisposable
{
    private readonly IBusControl _bus;

    private TestNode(string cityId, IBusControl bus)
    {
        CityId = cityId;
        _bus = bus;
    }

    /// <summary>The node's city.</summary>
    public string CityId { get; }

    /// <summary>Every acceptance received, in arrival order.</summary>
    public ConcurrentQueue<SnapshotAccepted> Accepted { get; } = new();

    /// <summary>Every refusal received, in arrival order.</summary>
    public ConcurrentQueue<SnapshotRejected> Rejected { get; } = new();

    /// <summary>Points a MassTransit bus at a virtual host of the local test broker (guest/guest on localhost:5672, unless another user is given).</summary>
    public static void ConnectToLocalBroker(IRabbitMqBusFactoryConfigurator cfg, string virtualHost, string username = "guest", string password = "guest") =>
        cfg.Host(RabbitMqBroker.Host, (ushort)RabbitMqBroker.Port, virtualHost, h =>
        {
            h.Username(username);
            h.Password(password);
        });

    /// <summary>Starts a node for <paramref name="cityId"/> on a virtual host of the local broker, as guest or as the given broker user.</summary>
    public static async Task<TestNode> StartAsync(string cityId, string virtualHost, string username = "guest", string password = "guest")
    {
        TestNode? node = null;
        var bus = Bus.Factory.CreateUsingRabbitMq(cfg =>
        {
            ConnectToLocalBroker(cfg, virtualHost, username, password);
            cfg.RouteAnswersByCity();
            cfg.ReceiveEndpoint(AnswerRouting.NodeQueueFor(cityId), e =>
            {
                // Bind only this city's routing key, as the city node does: the broker, not the node, keeps other
                // cities' answers away.
                e.ReceiveAnswersFor(cityId);
                e.Handler<SnapshotAccepted>(c =>
                {
                    node!.Accepted.Enqueue(c.Message);
                    return Task.CompletedTask;
                });
                e.Handler<SnapshotRejected>(c =>
                {
                    node!.Rejected.Enqueue(c.Message);
                    return Task.CompletedTask;
                });
            });
        });
        node = new TestNode(cityId, bus);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await bus.StartAsync(timeout.Token);
        return node;
    }

    /// <summary>Publishes a signed snapshot (broker-confirmed when this returns).</summary>
    public Task PublishAsync(string jws, CancellationToken ct = default) => _bus.Publish(new SnapshotSubmitted(jws, CityId), ct);

    /// <summary>
    /// Publishes, retrying until the broker confirms: what a node's outbox does while the broker is away.
    /// A retry after a lost confirm may deliver twice; the hub is idempotent.
    /// </summary>
    public async Task PublishUntilConfirmedAsync(string jws, TimeSpan limit)
    {
        var deadline = DateTime.UtcNow + limit;
        while (true)
        {
            try
            {
                using var attempt = new CancellationTokenSource(TimeSpan.FromSeconds(10));
                await PublishAsync(jws, attempt.Token);
                return;
            }
            catch (Exception e) when (e is not OutOfMemoryException && DateTime.UtcNow < deadline)
            {
                await Task.Delay(250);
            }
        }
    }

    /// <summary>Waits until <paramref name="condition"/> holds, or fails after <paramref name="limit"/> with <paramref name="what"/>.</summary>
    public static async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan limit, string what)
    {
        var deadline = DateTime.UtcNow + limit;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Timed out after {limit.TotalSeconds:0} s waiting for {what}.");
            }

            await Task.Delay(100);
        }
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await _bus.StopAsync(timeout.Token);
    }
}
