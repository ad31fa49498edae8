using MassTransit;
using Network.Contracts.Messages;
using Network.Hub.Messaging;
using Network.Testing.Hub;

namespace Network.Performance;

/// <summary>The baseline's consumer: takes the same batches the hub's consumer takes and only counts them.</summary>
public sealed class BaselineConsumer(Countdown consumed) : IConsumer<Batch<SnapshotSubmitted>>
{
    /// <inheritdoc/>
    public Task Consume(ConsumeContext<Batch<SnapshotSubmitted>> context)
    {
        consumed.Signal(context.Message.Length);
        return Task.CompletedTask;
    }
}

/// <summary>
/// The baseline's receiving side: MassTransit on RabbitMQ with the hub's queue name and delivery policy (prefetch,
/// batch size, batch time limit, one batch at a time), and a consumer that does nothing but count.
/// </summary>
public sealed class BaselineReceiver : IAsyncDisposable
{
    private readonly IBusControl _bus;

    private BaselineReceiver(IBusControl bus, Countdown consumed)
    {
        _bus = bus;
        Consumed = consumed;
    }

    /// <summary>Messages consumed.</summary>
    public Countdown Consumed { get; }

    /// <summary>Starts the receiver on <paramref name="virtualHost"/> with the hub's default <see cref="BusOptions"/>.</summary>
    public static async Task<BaselineReceiver> StartAsync(string virtualHost)
    {
        var options = new BusOptions();
        var consumed = new Countdown();
        var bus = Bus.Factory.CreateUsingRabbitMq(cfg =>
        {
            TestNode.ConnectToLocalBroker(cfg, virtualHost);
            cfg.ReceiveEndpoint(SnapshotSubmittedConsumerDefinition.QueueName, e =>
            {
                e.PrefetchCount = Math.Max(options.PrefetchCount, options.BatchSize);
                e.Consumer(() => new BaselineConsumer(consumed), c => c.Options<BatchOptions>(o => o
                    .SetMessageLimit(options.BatchSize)
                    .SetTimeLimit(SnapshotSubmittedConsumerDefinition.BatchTimeLimit)
                    .SetConcurrencyLimit(1)));
            });
        });
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await bus.StartAsync(timeout.Token);
        return new BaselineReceiver(bus, consumed);
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await _bus.StopAsync(timeout.Token);
    }
}
