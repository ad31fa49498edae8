using MassTransit;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Network.Hub.Messaging;

/// <summary>
/// Delivery policy of the bus door, kept out of the consumer: the queue name, batching, prefetch, and retry
/// of transient database faults. A batch that still fails goes to the <c>_error</c> queue with its fault,
/// and the consumer moves on: one bad batch never stops ingestion.
/// </summary>
public sealed class SnapshotSubmittedConsumerDefinition : ConsumerDefinition<SnapshotSubmittedConsumer>
{
    /// <summary>The queue every hub instance competes on.</summary>
    public const string QueueName = "hub-snapshot-submitted";

    /// <summary>How long a batch waits to fill before it is ingested with fewer than <see cref="BusOptions.BatchSize"/> submissions.</summary>
    public static readonly TimeSpan BatchTimeLimit = TimeSpan.FromMilliseconds(20);

    private readonly BusOptions _options;

    /// <summary>Creates the definition from the bus options.</summary>
    public SnapshotSubmittedConsumerDefinition(IOptions<BusOptions> options)
    {
        _options = options.Value;
        EndpointName = QueueName;
    }

    /// <inheritdoc/>
    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<SnapshotSubmittedConsumer> consumerConfigurator,
        IRegistrationContext context)
    {
        endpointConfigurator.PrefetchCount = Math.Max(_options.PrefetchCount, _options.BatchSize);
        endpointConfigurator.UseMessageRetry(r =>
        {
            r.Handle<DbUpdateException>();
            r.Handle<SqliteException>();
            r.Handle<TimeoutException>();
            r.Intervals(50, 200, 1000, 3000);
        });
        consumerConfigurator.Options<BatchOptions>(o => o
            .SetMessageLimit(_options.BatchSize)
            .SetTimeLimit(BatchTimeLimit)
            .SetConcurrencyLimit(1));
    }
}
