using MassTransit;
using Microsoft.Extensions.Logging;
using Network.Contracts.Messages;
using Network.Messaging;
using Network.Node.Workspace.Settings;
using Network.Node.Workspace.Storage;

namespace Network.Node.Workspace.Delivery;

/// <summary>
/// Delivery over RabbitMQ with MassTransit: publishes <see cref="SnapshotSubmitted"/> and receives the answers routed
/// to this city on its own durable queue (<see cref="AnswerRouting.NodeQueueFor"/>), bound with the city's routing
/// key only (<see cref="AnswerTopology.ReceiveAnswersFor"/>).
/// <para>
/// A snapshot counts as delivered only when <c>Publish</c> returned, that is after the broker's publisher confirm.
/// Messages are persistent and published <em>mandatory</em>: when no queue is bound (the hub never connected to this
/// broker), the broker returns the message instead of dropping it, and the attempt fails, to be tried again.
/// </para>
/// </summary>
public sealed class RabbitMqHubConnection(string cityId, RabbitMqSettings broker, DeliverySettings delivery, ILoggerFactory? loggerFactory = null) : IHubConnection
{
    private IBusControl? _bus;

    /// <inheritdoc/>
    public string Description { get; } = $"RabbitMQ at {broker.Host}:{broker.Port} (virtual host {broker.VirtualHost})";

    /// <inheritdoc/>
    public async Task StartAsync(Func<HubAnswer, Task> onAnswer, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(onAnswer);
        if (_bus is not null)
        {
            return;
        }

        if (loggerFactory is not null)
        {
            LogContext.ConfigureCurrentLogContext(loggerFactory);
        }

        var bus = Bus.Factory.CreateUsingRabbitMq(cfg =>
        {
            cfg.Host(broker.Host, broker.Port, broker.VirtualHost, h =>
            {
                h.Username(broker.Username);
                h.Password(broker.Password);
                h.PublisherConfirmation = true; // the default, stated: delivery means the broker has it
                h.RequestedConnectionTimeout(TimeSpan.FromSeconds(delivery.ConnectTimeoutSeconds));
            });
            cfg.ReceiveEndpoint(AnswerRouting.NodeQueueFor(cityId), e =>
            {
                e.ReceiveAnswersFor(cityId);
                // An answer the database could not take (locked for long) is retried; one that still fails lands in
                // the _error queue, and the snapshot is delivered again after the answer timeout, so it is answered again.
                e.UseMessageRetry(r => r.Intervals(200, 1000, 5000));
                e.Handler<SnapshotAccepted>(c => onAnswer(HubAnswer.From(c.Message)));
                e.Handler<SnapshotRejected>(c => onAnswer(HubAnswer.From(c.Message)));
            });
        });

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(delivery.ConnectTimeoutSeconds));
        try
        {
            await bus.StartAsync(timeout.Token);
            _bus = bus;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            await StopQuietlyAsync(bus);
            ct.ThrowIfCancellationRequested();
            var why = e is OperationCanceledException ? $"no connection within {delivery.ConnectTimeoutSeconds:0} s" : Innermost(e);
            throw new HubUnreachableException($"Cannot reach {Description}: {why}.", e);
        }
    }

    /// <inheritdoc/>
    public async Task<DeliveryOutcome> DeliverAsync(OutboxEntry entry, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var bus = _bus ?? throw new InvalidOperationException("Start the connection before delivering.");
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(delivery.SendTimeoutSeconds));
        try
        {
            await bus.Publish(new SnapshotSubmitted(entry.Jws, cityId), context =>
            {
                context.Durable = true;
                if (context is RabbitMqSendContext rabbit)
                {
                    rabbit.Mandatory = true;
                }
            }, timeout.Token);
            return DeliveryOutcome.Confirmed;
        }
        catch (MessageReturnedException)
        {
            return DeliveryOutcome.Failed(
                $"the broker has no queue for snapshots on virtual host {broker.VirtualHost}: the hub has not connected to this broker yet (or the settings name the wrong virtual host)");
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return DeliveryOutcome.Failed($"the broker did not confirm within {delivery.SendTimeoutSeconds:0} s (it may be down or restarting)");
        }
        catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
        {
            return DeliveryOutcome.Failed(Innermost(e));
        }
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        if (_bus is { } bus)
        {
            _bus = null;
            await StopQuietlyAsync(bus);
        }
    }

    private static async Task StopQuietlyAsync(IBusControl bus)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await bus.StopAsync(timeout.Token);
        }
        catch (Exception e) when (e is OperationCanceledException or MassTransitException or AggregateException)
        {
            // Stopping a bus that never connected (or lost its broker) may fail; there is nothing left to release.
        }
    }

    private static string Innermost(Exception e)
    {
        while (e.InnerException is { } inner)
        {
            e = inner;
        }

        return e.Message.TrimEnd('.');
    }
}
