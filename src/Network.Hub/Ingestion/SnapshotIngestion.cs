using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Network.Contracts.Messages;
using Network.Contracts.Snapshots;
using Network.Contracts.Verification;
using Network.Hub.Embargo;
using Network.Hub.Storage;

namespace Network.Hub.Ingestion;

/// <summary>
/// The one ingestion pipeline, whichever door a snapshot came through: verify (signature, key ownership,
/// catalogue) → decide against what is stored (idempotency, conflicts, corrections) → store in one
/// transaction → answer. Takes a batch so the bus door can commit many snapshots at once; a batch of one is
/// the HTTP door. Nothing of a refused snapshot is stored except its error record.
/// </summary>
public sealed class SnapshotIngestion(
    NetworkDbContext db, SnapshotVerifier verifier, TimeProvider time, IngestionMetrics metrics, ILogger<SnapshotIngestion> logger)
{
    private static readonly JsonSerializerOptions ReasonJson = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    /// <summary>Ingests one submission.</summary>
    public async Task<IngestionOutcome> IngestAsync(Submission submission, CancellationToken cancellationToken = default) =>
        (await IngestAsync([submission], cancellationToken))[0];

    /// <summary>
    /// Ingests a batch in one transaction and returns one outcome per submission, in order. When this returns,
    /// every acceptance is committed; if it throws, nothing of the batch was stored and the caller may retry it.
    /// </summary>
    public async Task<IReadOnlyList<IngestionOutcome>> IngestAsync(IReadOnlyList<Submission> batch, CancellationToken cancellationToken = default)
    {
        // Idempotency, conflicts and corrections are decided against everything stored, embargoed or not, even
        // when the HTTP door's caller could not read it.
        db.Readership = Readership.Network;
        metrics.Batch(batch.Count);
        var started = Stopwatch.GetTimestamp();
        var results = new VerificationResult[batch.Count];
        if (batch.Count == 1)
        {
            results[0] = await VerifyAsync(batch[0], cancellationToken);
        }
        else
        {
            // Verification is pure CPU (signature, parsing, catalogue rules) and independent per submission: spread
            // it over the cores. The only shared state is the key directory, which serialises its database reads.
            await Parallel.ForAsync(0, batch.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken },
                async (i, ct) => results[i] = await VerifyAsync(batch[i], ct));
        }

        metrics.Phase(IngestionMetrics.PhaseVerify, started);
        var verified = batch.Select((submission, i) => (submission, results[i])).ToList();

        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async ct =>
        {
            db.ChangeTracker.Clear();
            var phase = Stopwatch.GetTimestamp();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var values = new List<KpiValueRecord>();
            var outcomes = await DecideAsync(verified, values, ct);
            metrics.Phase(IngestionMetrics.PhaseDecide, phase);
            phase = Stopwatch.GetTimestamp();
            await db.SaveChangesAsync(ct); // snapshots and error records: a row per submission
            metrics.Phase(IngestionMetrics.PhaseSave, phase);
            phase = Stopwatch.GetTimestamp();
            await db.InsertAsync(values, ct); // their values, ~91 per snapshot, after the rows they refer to
            metrics.Phase(IngestionMetrics.PhaseValues, phase);
            phase = Stopwatch.GetTimestamp();
            await transaction.CommitAsync(ct);
            metrics.Phase(IngestionMetrics.PhaseCommit, phase);
            db.ChangeTracker.Clear();
            return outcomes;
        }, cancellationToken);
    }

    private async Task<VerificationResult> VerifyAsync(Submission submission, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(submission.Jws))
        {
            return VerificationResult.Refuse([Rejections.UnreadableSubmission("the message carries no JWS.")]);
        }

        return await verifier.VerifyAsync(submission.Jws, ct);
    }

    // Runs inside the transaction: decides each submission against the database and against the earlier
    // members of the same batch (a redelivered message can sit in one batch with its original).
    // The accepted snapshots' rows are tracked; their value rows are collected in `values` for the bulk insert.
    private async Task<List<IngestionOutcome>> DecideAsync(
        List<(Submission Submission, VerificationResult Result)> verified, List<KpiValueRecord> values, CancellationToken ct)
    {
        // Cut to what the store keeps, so a first receipt's receivedAt is the one every later read shows.
        var now = StoredTime.Of(time.GetUtcNow());
        var ids = verified.Where(v => v.Result.IsValid).Select(v => v.Result.Verified!.Snapshot.SnapshotId)
            .Concat(verified.Where(v => v.Result.IsValid).Select(v => v.Result.Verified!.Snapshot.Supersedes).OfType<Guid>())
            .Distinct().ToList();
        var stored = await db.Snapshots.AsNoTracking()
            .Where(s => ids.Contains(s.SnapshotId))
            .Select(s => new HeldSnapshot(s.SnapshotId, s.CityId, s.Period, s.Status, s.Digest, s.ContentHash, s.ReceivedAt, s.Public))
            .ToDictionaryAsync(s => s.SnapshotId, ct);

        var outcomes = new List<IngestionOutcome>(verified.Count);
        foreach (var (submission, result) in verified)
        {
            var digest = result.Verified?.Digest ?? (string.IsNullOrEmpty(submission.Jws) ? "" : SnapshotFormat.Digest(submission.Jws));
            if (!result.IsValid)
            {
                outcomes.Add(Refuse(submission, result.Claimed, digest, result.Rejections, now));
                continue;
            }

            var snapshot = result.Verified!.Snapshot;
            var contentHash = SnapshotFormat.ContentHash(result.Verified.Jws);
            if (stored.TryGetValue(snapshot.SnapshotId, out var existing))
            {
                // The receipt names what this submission carried: the same content signed again (ECDSA is
                // randomised) has another digest than the stored JWS, and the node matches answers by digest.
                outcomes.Add(existing.ContentHash == contentHash
                    ? IngestionOutcome.Accept(Receipt(existing, digest, duplicate: true))
                    : Refuse(submission, snapshot, digest, [Rejections.SnapshotConflict(snapshot.SnapshotId, existing.Digest)], now));
                continue;
            }

            if (snapshot.Supersedes is { } target
                && !(stored.TryGetValue(target, out var superseded) && superseded.CityId == snapshot.CityId && superseded.Period == snapshot.Period))
            {
                outcomes.Add(Refuse(submission, snapshot, digest, [Rejections.SupersededSnapshotNotFound(target, snapshot.CityId, snapshot.Period)], now));
                continue;
            }

            // The correction of a preliminary snapshot stays embargoed with it: what it corrects decides.
            var supersededIsPublic = snapshot.Supersedes is { } corrected && stored.TryGetValue(corrected, out var previous) && previous.Public;
            var isPublic = PublicRecord.Includes(snapshot.Status, supersededIsPublic);
            var record = ToRecord(result.Verified, submission.Door, contentHash, now, isPublic);
            db.Snapshots.Add(record);
            values.AddRange(ValueRows(snapshot, isPublic));
            var accepted = new HeldSnapshot(record.SnapshotId, record.CityId, record.Period, record.Status, record.Digest, record.ContentHash, now, isPublic);
            stored[record.SnapshotId] = accepted;
            outcomes.Add(IngestionOutcome.Accept(Receipt(accepted, digest, duplicate: false)));
        }

        return outcomes;
    }

    private IngestionOutcome Refuse(Submission submission, Snapshot? claimed, string digest, IReadOnlyList<Rejection> reasons, DateTimeOffset now)
    {
        var claimedId = claimed?.SnapshotId is { } id && id != Guid.Empty ? id : (Guid?)null;
        var claimedCity = string.IsNullOrEmpty(claimed?.CityId) ? null : claimed.CityId;
        db.RejectedSubmissions.Add(new RejectedSubmissionRecord
        {
            RejectedAt = now,
            Door = submission.Door,
            ClaimedSnapshotId = claimedId,
            ClaimedCityId = claimedCity is { Length: <= 64 } ? claimedCity : null,
            NodeCityId = submission.NodeCityId is { Length: <= 64 } node ? node : null,
            Digest = digest,
            ReasonsJson = JsonSerializer.Serialize(reasons, ReasonJson),
            Excerpt = submission.Jws is { Length: > 65_536 } long_ ? long_[..65_536] : submission.Jws ?? "",
        });
        // Only what the hub itself vouches for reaches the log: the reasons' names and a well-formed city id. The
        // fields and messages quote the caller's JSON (member names, values) and are kept in the error record.
        logger.LogInformation("Refused a snapshot from {Door} (claimed {Snapshot} of {City}): {Reasons}",
            submission.Door, claimedId, CityId.IsValid(claimedCity) ? claimedCity : null, string.Join(", ", reasons.Select(r => r.Reason)));
        return IngestionOutcome.Reject(new SnapshotRejected(claimedId, submission.NodeCityId ?? claimedCity, digest, reasons, now));
    }

    private static SnapshotAccepted Receipt(HeldSnapshot s, string sentDigest, bool duplicate) =>
        new(s.SnapshotId, s.CityId, s.Period, s.Status, sentDigest, s.ReceivedAt, duplicate);

    private static SnapshotRecord ToRecord(VerifiedSnapshot verified, SubmissionDoor door, string contentHash, DateTimeOffset now, bool isPublic)
    {
        var s = verified.Snapshot;
        return new SnapshotRecord
        {
            SnapshotId = s.SnapshotId,
            CityId = s.CityId,
            Period = s.Period,
            Status = s.Status,
            Supersedes = s.Supersedes,
            IssuedAt = s.IssuedAt,
            CatalogueVersion = s.CatalogueVersion,
            KeyId = verified.KeyId,
            Jws = verified.Jws,
            // A format-1 JWS with a note carries it in the clear and stays members-only; otherwise anyone may have it.
            JwsPublic = s.FormatVersion == SnapshotFormat.Version2 || s.Values.All(v => v.Note is null),
            Disclosures = verified.Disclosures.Count == 0 ? null : string.Concat(verified.Disclosures.Select(d => d + "~")),
            Digest = verified.Digest,
            ContentHash = contentHash,
            ReceivedAt = now,
            Door = door,
            Public = isPublic,
        };
    }

    private static IEnumerable<KpiValueRecord> ValueRows(Snapshot s, bool isPublic) =>
        s.Values.Select(v => new KpiValueRecord
        {
            SnapshotId = s.SnapshotId,
            CityId = s.CityId,
            Period = s.Period,
            KpiCode = v.Kpi,
            DataPoint = StoredDataPoint.Write(v.DataPoint),
            Value = v.Value,
            Unit = v.Unit,
            Quality = v.Quality,
            Origin = v.Origin,
            Source = v.Source,
            Note = v.Note,
            Public = isPublic,
        });

    private sealed record HeldSnapshot(Guid SnapshotId, string CityId, int Period, SnapshotStatus Status, string Digest, string ContentHash, DateTimeOffset ReceivedAt, bool Public);
}
