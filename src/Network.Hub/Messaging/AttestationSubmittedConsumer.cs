using MassTransit;
using Network.Contracts.Messages;
using Network.Hub.Attestations;
using Network.Hub.Storage;

namespace Network.Hub.Messaging;

/// <summary>
/// The bus door for attestations: a thin consumer that hands each one to <see cref="AttestationIngestion"/> and publishes
/// the answer to its verifier. MassTransit acknowledges the message only after this returns, that is after the
/// transaction committed; if it throws, nothing was stored and the message is redelivered.
/// </summary>
public sealed class AttestationSubmittedConsumer(AttestationIngestion ingestion) : IConsumer<AttestationSubmitted>
{
    /// <inheritdoc/>
    public async Task Consume(ConsumeContext<AttestationSubmitted> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var outcome = await ingestion.IngestAsync(
            new AttestationSubmission(context.Message.Jws, SubmissionDoor.Bus, context.Message.VerifierId), context.CancellationToken);
        if (outcome.Accepted is { } accepted)
        {
            await context.Publish(accepted, context.CancellationToken);
        }
        else
        {
            await context.Publish(outcome.Rejected!, context.CancellationToken);
        }
    }
}
