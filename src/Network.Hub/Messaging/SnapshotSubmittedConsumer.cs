using MassTransit;
using Network.Contracts.Messages;
using Network.Hub.Ingestion;
using Network.Hub.Storage;

namespace Network.Hub.Messaging;

/// <summary>
/// The bus door: a thin consumer that hands a batch of submissions to <see cref="SnapshotIngestion"/> and
/// publishes each answer to its city. MassTransit acknowledges the messages only after this returns, that is
/// after the transaction committed; if it throws, nothing was stored and the batch is redelivered.
/// </summary>
public sealed class SnapshotSubmittedConsumer(SnapshotIngestion ingestion) : IConsumer<Batch<SnapshotSubmitted>>
{
    /// <inheritdoc/>
    public async Task Consume(ConsumeContext<Batch<SnapshotSubmitted>> context)
    {
        var submissions = context.Message
            .Select(m => new Submission(m.Message.Jws, SubmissionDoor.Bus, m.Message.NodeCityId))
            .ToList();
        var outcomes = await ingestion.IngestAsync(submissions, context.CancellationToken);

        foreach (var outcome in outcomes)
        {
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
}
