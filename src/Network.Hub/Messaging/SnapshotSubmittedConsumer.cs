using System.Diagnostics;
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
public sealed class SnapshotSubmittedConsumer(SnapshotIngestion ingestion, IngestionMetrics metrics) : IConsumer<Batch<SnapshotSubmitted>>
{
    /// <inheritdoc/>
    public async Task Consume(ConsumeContext<Batch<SnapshotSubmitted>> context)
    {
        var submissions = context.Message
            .Select(m => new Submission(m.Message.Jws, SubmissionDoor.Bus, m.Message.NodeCityId))
            .ToList();
        var outcomes = await ingestion.IngestAsync(submissions, context.CancellationToken);

        // All answers at once, each confirmed by the broker before this returns (and the batch is acknowledged):
        // one round trip per batch instead of one per answer. Each answer names its snapshot (id and digest): their
        // order carries no meaning.
        var started = Stopwatch.GetTimestamp();
        await Task.WhenAll(outcomes.Select(outcome => outcome.Accepted is { } accepted
            ? context.Publish(accepted, context.CancellationToken)
            : context.Publish(outcome.Rejected!, context.CancellationToken)));
        metrics.Phase(IngestionMetrics.PhaseAnswer, started);
    }
}
