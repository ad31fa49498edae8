using MassTransit;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Network.Hub.Messaging;

/// <summary>
/// Delivery policy of the attestation bus door, kept out of the consumer: the queue name and retry of transient database
/// faults. Attestations are few (one per verifier, snapshot and round of checking), so they are taken one at a time; a
/// message that still fails goes to the <c>_error</c> queue with its fault.
/// </summary>
public sealed class AttestationSubmittedConsumerDefinition : ConsumerDefinition<AttestationSubmittedConsumer>
{
    /// <summary>The queue every hub instance competes on.</summary>
    public const string QueueName = "hub-attestation-submitted";

    /// <summary>Creates the definition.</summary>
    public AttestationSubmittedConsumerDefinition() => EndpointName = QueueName;

    /// <inheritdoc/>
    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<AttestationSubmittedConsumer> consumerConfigurator,
        IRegistrationContext context)
    {
        ArgumentNullException.ThrowIfNull(endpointConfigurator);
        endpointConfigurator.UseMessageRetry(r =>
        {
            r.Handle<DbUpdateException>();
            r.Handle<SqliteException>();
            r.Handle<TimeoutException>();
            r.Intervals(50, 200, 1000, 3000);
        });
    }
}
