using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Network.Contracts.Attestations;
using Network.Contracts.Messages;
using Network.Contracts.Snapshots;
using Network.Contracts.Verification;
using Network.Hub.Embargo;
using Network.Hub.Storage;

namespace Network.Hub.Attestations;

/// <summary>
/// The one attestation pipeline, whichever door an attestation came through: verify (envelope, shape, verifier key,
/// signature) → decide against what is stored (an earlier attestation with the same id, the attested snapshot by its
/// digest, the verifier's assignment to the snapshot's city, each verdict against the snapshot's values) → store the
/// attestation and its verdicts in one transaction → answer. Nothing of a refused attestation is stored except its
/// error record.
/// </summary>
public sealed class AttestationIngestion(
    NetworkDbContext db, AttestationVerifier verifier, TimeProvider time, ILogger<AttestationIngestion> logger)
{
    private static readonly JsonSerializerOptions ReasonJson = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    /// <summary>
    /// Ingests one attestation. When this returns, an acceptance is committed; if it throws, nothing was stored and the
    /// caller may retry.
    /// </summary>
    public async Task<AttestationOutcome> IngestAsync(AttestationSubmission submission, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(submission);

        // Everything stored counts, embargoed or not, even when the HTTP door's caller could not read it.
        db.Readership = Readership.Network;
        var result = await VerifyAsync(submission, cancellationToken);
        var strategy = db.Database.CreateExecutionStrategy();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await strategy.ExecuteAsync(async ct =>
                {
                    db.ChangeTracker.Clear();
                    await using var transaction = await db.Database.BeginTransactionAsync(ct);
                    var outcome = await DecideAsync(submission, result, ct);
                    await db.SaveChangesAsync(ct);
                    await transaction.CommitAsync(ct);
                    db.ChangeTracker.Clear();
                    return outcome;
                }, cancellationToken);
            }
            catch (DbUpdateException) when (attempt == 1 && result.IsValid)
            {
                // The same attestation id delivered twice at once (both doors, or a redelivery) and the other one's row
                // committed first: decided again, this one is its duplicate, or a conflict.
                db.ChangeTracker.Clear();
            }
        }
    }

    private async Task<AttestationVerification> VerifyAsync(AttestationSubmission submission, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(submission.Jws))
        {
            return AttestationVerification.Refuse([Rejections.UnreadableSubmission("the message carries no JWS.")]);
        }

        var result = await verifier.VerifyAsync(submission.Jws, ct);
        if (result.IsValid || result.ClaimedKeyId is not { } kid || !result.Rejections.Any(r => r.Reason == RejectionReason.UnknownKey))
        {
            return result;
        }

        // The contract knows verifier keys only; the hub knows the cities' too, and says so when a city's key signed.
        var city = await db.CityKeys.AsNoTracking().Where(k => k.KeyId == kid).Select(k => k.CityId).FirstOrDefaultAsync(ct);
        return city is null
            ? result
            : AttestationVerification.Refuse(
                result.Rejections.Select(r => r.Reason == RejectionReason.UnknownKey ? Rejections.KeyOfACity(kid, city) : r).ToList(),
                result.Claimed, kid);
    }

    // Runs inside the transaction. The attestation's rows are tracked and saved by the caller.
    private async Task<AttestationOutcome> DecideAsync(AttestationSubmission submission, AttestationVerification result, CancellationToken ct)
    {
        var now = StoredTime.Of(time.GetUtcNow());
        var digest = result.Verified?.Digest ?? (string.IsNullOrEmpty(submission.Jws) ? "" : SnapshotFormat.Digest(submission.Jws));
        if (result.Verified is not { } verified)
        {
            return Refuse(submission, result.Claimed, digest, result.Rejections, now);
        }

        var attestation = verified.Attestation;
        var contentHash = SnapshotFormat.ContentHash(verified.Jws);
        var existing = await db.Attestations.AsNoTracking()
            .Where(a => a.AttestationId == attestation.AttestationId)
            .Select(a => new { a.ContentHash, a.Digest, a.VerifierId, a.SnapshotId, a.CityId, a.Period, a.ReceivedAt })
            .FirstOrDefaultAsync(ct);
        if (existing is not null)
        {
            // The receipt names what this submission carried: the same content signed again has another digest.
            return existing.ContentHash == contentHash
                ? AttestationOutcome.Accept(new AttestationAccepted(
                    attestation.AttestationId, existing.VerifierId, existing.SnapshotId, existing.CityId, existing.Period, digest, existing.ReceivedAt, Duplicate: true))
                : Refuse(submission, attestation, digest, [Rejections.AttestationConflict(attestation.AttestationId, existing.Digest)], now);
        }

        var snapshot = await db.Snapshots.AsNoTracking()
            .Where(s => s.Digest == attestation.SnapshotDigest)
            .Select(s => new { s.SnapshotId, s.CityId, s.Period, s.Public })
            .FirstOrDefaultAsync(ct);
        if (snapshot is null)
        {
            return Refuse(submission, attestation, digest, [Rejections.UnknownSnapshot(attestation.SnapshotDigest)], now);
        }

        var problems = new List<Rejection>();
        if (snapshot.SnapshotId != attestation.SnapshotId)
        {
            problems.Add(Rejections.SnapshotMismatch("$." + AttestationJson.Members.SnapshotId, $"the id {snapshot.SnapshotId}", attestation.SnapshotId.ToString("D")));
        }

        if (!string.Equals(snapshot.CityId, attestation.CityId, StringComparison.Ordinal))
        {
            problems.Add(Rejections.SnapshotMismatch("$." + AttestationJson.Members.CityId, $"the city {snapshot.CityId}", attestation.CityId));
        }

        if (snapshot.Period != attestation.Period)
        {
            problems.Add(Rejections.SnapshotMismatch("$." + AttestationJson.Members.Period, $"the period {snapshot.Period}", attestation.Period.ToString(CultureInfo.InvariantCulture)));
        }

        // The snapshot's own city decides, whatever the payload claims.
        var assigned = await db.VerifierAssignments.AsNoTracking()
            .AnyAsync(a => a.VerifierId == attestation.VerifierId && a.CityId == snapshot.CityId && a.EndedAt == null, ct);
        if (!assigned)
        {
            problems.Add(Rejections.VerifierNotAssigned(attestation.VerifierId, snapshot.CityId));
        }

        var held = (await db.KpiValues.AsNoTracking()
                .Where(v => v.SnapshotId == snapshot.SnapshotId)
                .Select(v => new { v.KpiCode, v.DataPoint, v.Value, v.Unit })
                .ToListAsync(ct))
            .Select(v => new StoredValueKey(v.KpiCode, StoredDataPoint.Read(v.DataPoint), v.Value, v.Unit))
            .ToHashSet();
        for (var i = 0; i < attestation.Verdicts.Count; i++)
        {
            var verdict = attestation.Verdicts[i];
            if (!held.Contains(new StoredValueKey(verdict.Kpi, verdict.DataPoint, verdict.Value, verdict.Unit)))
            {
                problems.Add(Rejections.VerdictForUnknownValue($"$.{AttestationJson.Members.Verdicts}[{i}]", verdict, snapshot.SnapshotId));
            }
        }

        if (problems.Count > 0)
        {
            return Refuse(submission, attestation, digest, problems, now);
        }

        db.Attestations.Add(ToRecord(verified, submission.Door, contentHash, now, snapshot.Public));
        return AttestationOutcome.Accept(new AttestationAccepted(
            attestation.AttestationId, attestation.VerifierId, snapshot.SnapshotId, snapshot.CityId, snapshot.Period, digest, now, Duplicate: false));
    }

    private AttestationOutcome Refuse(AttestationSubmission submission, Attestation? claimed, string digest, IReadOnlyList<Rejection> reasons, DateTimeOffset now)
    {
        var claimedId = claimed?.AttestationId is { } id && id != Guid.Empty ? id : (Guid?)null;
        var claimedVerifier = AttestationFormat.IsVerifierId(claimed?.VerifierId) ? claimed!.VerifierId : null;
        var claimedCity = string.IsNullOrEmpty(claimed?.CityId) ? null : claimed.CityId;

        // The error record has no kind column: an attestation's is told from a snapshot's by its excerpt's header (typ).
        // ClaimedSnapshotId is the snapshot the attestation claims to attest.
        db.RejectedSubmissions.Add(new RejectedSubmissionRecord
        {
            RejectedAt = now,
            Door = submission.Door,
            ClaimedSnapshotId = claimed?.SnapshotId is { } snapshotId && snapshotId != Guid.Empty ? snapshotId : null,
            ClaimedCityId = claimedCity is { Length: <= 64 } ? claimedCity : null,
            Digest = digest,
            ReasonsJson = JsonSerializer.Serialize(reasons, ReasonJson),
            Excerpt = submission.Jws is { Length: > 65_536 } long_ ? long_[..65_536] : submission.Jws ?? "",
        });

        // Only what the hub itself vouches for reaches the log: the reasons' names, an id and a well-formed verifier id.
        logger.LogInformation("Refused an attestation from {Door} (claimed {Attestation} by {Verifier}): {Reasons}",
            submission.Door, claimedId, claimedVerifier, string.Join(", ", reasons.Select(r => r.Reason)));

        // The answer goes to the sender when it names itself properly (a routing key must be one topic word), else to
        // the verifier the payload claims.
        var answerTo = AttestationFormat.IsVerifierId(submission.SenderVerifierId) ? submission.SenderVerifierId : claimedVerifier;
        return AttestationOutcome.Reject(new AttestationRejected(claimedId, answerTo, digest, reasons, now));
    }

    private static AttestationRecord ToRecord(VerifiedAttestation verified, SubmissionDoor door, string contentHash, DateTimeOffset now, bool isPublic)
    {
        var a = verified.Attestation;
        return new AttestationRecord
        {
            AttestationId = a.AttestationId,
            VerifierId = a.VerifierId,
            KeyId = verified.KeyId,
            SnapshotId = a.SnapshotId,
            SnapshotDigest = a.SnapshotDigest,
            CityId = a.CityId,
            Period = a.Period,
            Method = a.Method,
            ReportReference = a.ReportReference,
            IssuedAt = a.IssuedAt,
            ReceivedAt = now,
            Jws = verified.Jws,
            Digest = verified.Digest,
            ContentHash = contentHash,
            Door = door,
            Public = isPublic,
            Verdicts = a.Verdicts.Select(v => new VerdictRecord
            {
                AttestationId = a.AttestationId,
                SnapshotId = a.SnapshotId,
                VerifierId = a.VerifierId,
                CityId = a.CityId,
                Period = a.Period,
                KpiCode = v.Kpi,
                DataPoint = StoredDataPoint.Write(v.DataPoint),
                Value = v.Value,
                Unit = v.Unit,
                Outcome = v.Outcome,
                Reason = v.Reason,
                IssuedAt = a.IssuedAt,
                ReceivedAt = now,
                AttestationDigest = verified.Digest,
                Public = isPublic,
            }).ToList(),
        };
    }

    // A value as a verdict binds to it: KPI, data point, number and unit, compared exactly.
    private readonly record struct StoredValueKey(string Kpi, string? DataPoint, double Value, string Unit);
}
