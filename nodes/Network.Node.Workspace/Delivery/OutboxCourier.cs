using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Network.Contracts.Snapshots;
using Network.Node.Workspace.Settings;
using Network.Node.Workspace.Storage;

namespace Network.Node.Workspace.Delivery;

/// <summary>
/// Takes snapshots out of the outbox to the hub and records what happened: an entry is marked delivered only after
/// the connection reports the next holder has it (the broker's confirm, or the hub's HTTP answer); a failed attempt
/// is rescheduled with exponential back-off; the hub's answers are recorded as they arrive. An entry delivered but
/// never answered is delivered again after the answer timeout: delivery is at-least-once and the hub is idempotent.
/// </summary>
/// <param name="store">The node's snapshots.</param>
/// <param name="hub">The way to the hub.</param>
/// <param name="settings">Back-off and timeouts.</param>
/// <param name="time">The clock.</param>
/// <param name="logger">Where delivery is logged.</param>
/// <param name="afterConfirm">Runs between the broker's confirm and the outbox being marked: only for the test hook
/// that proves an entry confirmed but not marked is delivered again after a crash (see <c>nodes/README.md</c>).</param>
public sealed class OutboxCourier(
    SnapshotStore store,
    IHubConnection hub,
    DeliverySettings settings,
    TimeProvider time,
    ILogger logger,
    Func<OutboxEntry, CancellationToken, Task>? afterConfirm = null)
{
    /// <summary>Raised after an answer from the hub was recorded, with the snapshot as it now stands.</summary>
    public event Action<StoredSnapshot>? Answered;

    /// <summary>Records one answer of the hub. Pass this to <see cref="IHubConnection.StartAsync"/>.</summary>
    public async Task OnAnswerAsync(HubAnswer answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var snapshot = await store.ApplyAnswerAsync(answer, time.GetUtcNow());
        if (snapshot is null)
        {
            logger.LogWarning("The hub answered about snapshot {SnapshotId} (digest {Digest}), which this node did not send; ignored.",
                answer.SnapshotId?.ToString() ?? "(unknown)", answer.Digest);
            return;
        }

        if (snapshot.State == SnapshotState.Accepted)
        {
            logger.LogInformation("Snapshot {SnapshotId} ({Period} {Status}) accepted by the hub{Duplicate}.",
                snapshot.SnapshotId, snapshot.Period, WireNames.Of(snapshot.Status), answer.Duplicate ? " (it had it already)" : "");
        }
        else
        {
            logger.LogWarning("Snapshot {SnapshotId} ({Period} {Status}) rejected by the hub: {Reasons}",
                snapshot.SnapshotId, snapshot.Period, WireNames.Of(snapshot.Status), string.Join(" ", snapshot.Reasons.Select(r => $"[{r.Field}] {r.Message}")));
        }

        Answered?.Invoke(snapshot);
    }

    /// <summary>
    /// Delivers every entry that is due (with <paramref name="ignoreSchedule"/>, every pending one, back-off or not),
    /// oldest first, and stops at the first failure: the hub or broker is most likely away, and the others would fail
    /// the same way.
    /// </summary>
    public async Task<DeliveryReport> DeliverDueAsync(bool ignoreSchedule, IProgress<DeliveryProgress>? progress, CancellationToken ct)
    {
        var due = await store.DueAsync(time.GetUtcNow(), TimeSpan.FromSeconds(settings.AnswerTimeoutSeconds), ignoreSchedule, ct);
        var delivered = 0;
        for (var i = 0; i < due.Count; i++)
        {
            var entry = due[i];
            if (entry.Redelivery)
            {
                logger.LogInformation("Snapshot {SnapshotId} got no answer within {Timeout:0} s of delivery; delivering it again (the hub is idempotent).",
                    entry.SnapshotId, settings.AnswerTimeoutSeconds);
            }

            var outcome = await hub.DeliverAsync(entry, ct);
            progress?.Report(new DeliveryProgress(i + 1, due.Count, entry, outcome));
            if (!outcome.Delivered)
            {
                var retry = settings.RetryDelay(entry.Attempts + 1);
                await store.MarkAttemptFailedAsync(entry.SnapshotId, outcome.Failure!, time.GetUtcNow(), time.GetUtcNow() + retry, ct);
                logger.LogWarning("Could not deliver snapshot {SnapshotId} to {Hub}: {Failure}. Next attempt in {Retry:0.#} s.",
                    entry.SnapshotId, hub.Description, outcome.Failure, retry.TotalSeconds);
                return new DeliveryReport(due.Count, delivered, outcome.Failure);
            }

            if (afterConfirm is not null && outcome.Answer is null)
            {
                await afterConfirm(entry, ct);
            }

            await store.MarkDeliveredAsync(entry.SnapshotId, time.GetUtcNow(), ct);
            delivered++;
            logger.LogInformation("Delivered {Done}/{Total}: snapshot {SnapshotId} ({Period} {Status}) to {Hub}.",
                i + 1, due.Count, entry.SnapshotId, entry.Period, WireNames.Of(entry.Status), hub.Description);
            if (outcome.Answer is { } answer)
            {
                await OnAnswerAsync(answer);
            }
        }

        return new DeliveryReport(due.Count, delivered, null);
    }

    /// <summary>
    /// Waits until no snapshot is delivered-but-unanswered, or <paramref name="limit"/> passed. Returns how many
    /// still wait for an answer.
    /// </summary>
    public async Task<int> WaitForAnswersAsync(TimeSpan limit, CancellationToken ct)
    {
        var deadline = time.GetUtcNow() + limit;
        while (true)
        {
            var waiting = (await store.ListAsync(ct: ct)).Count(s => s.State == SnapshotState.Delivered);
            if (waiting == 0 || time.GetUtcNow() >= deadline)
            {
                return waiting;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200), time, ct);
        }
    }

    /// <summary>
    /// The worker: connects (retrying with capped exponential back-off while the hub or broker is away), then
    /// delivers whatever becomes due, listening for answers, until <paramref name="ct"/> is cancelled.
    /// </summary>
    public async Task RunAsync(CancellationToken ct)
    {
        var connectAttempts = 0;
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            try
            {
                await hub.StartAsync(OnAnswerAsync, ct);
                break;
            }
            catch (HubUnreachableException e)
            {
                connectAttempts++;
                var retry = settings.RetryDelay(connectAttempts);
                logger.LogWarning("{Problem} Retrying in {Retry:0.#} s (attempt {Attempt}).", e.Message, retry.TotalSeconds, connectAttempts);
                await Task.Delay(retry, time, ct);
            }
        }

        logger.LogInformation("Connected to {Hub}; delivering the outbox and listening for the hub's answers.", hub.Description);
        var poll = TimeSpan.FromSeconds(settings.PollSeconds);
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            try
            {
                await DeliverDueAsync(ignoreSchedule: false, progress: null, ct);
            }
            catch (SqliteException e)
            {
                // The database busy for long (a CLI command holding it) or the disk full: nothing was lost, the
                // outbox stays as it was; try again at the next poll rather than stop the service.
                logger.LogWarning("The node's database could not be read or written ({Problem}); trying again in {Poll:0.#} s.", e.Message, settings.PollSeconds);
            }

            var now = time.GetUtcNow();
            var wait = await store.NextAttemptAsync(ct) is { } next && next - now < poll ? next - now : poll;
            await Task.Delay(wait < TimeSpan.Zero ? TimeSpan.Zero : wait, time, ct);
        }
    }
}
