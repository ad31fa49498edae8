using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Network.Contracts.Attestations;
using Network.Contracts.Snapshots;
using Network.Hub.Storage;
using Network.Testing.Hub;

namespace Network.Hub.Tests.Verified;

/// <summary>
/// Stores an accepted attestation and its verdicts directly in the hub's database, as the attestation door would after
/// verifying one: the readers of "verified" are tested on their own, whatever door brings attestations in. The rows
/// copy what the door copies (city, period, the snapshot's Public flag) from the stored snapshot.
/// </summary>
public static class VerdictSeed
{
    /// <summary>The verifier the seeds are signed by unless another is named.</summary>
    public const string Verifier = "test-verifier";

    /// <summary>
    /// Stores an attestation by <paramref name="verifierId"/> on <paramref name="snapshot"/> (already accepted), issued at
    /// <paramref name="issuedAt"/>, with one verdict per value given; returns the attestation's digest.
    /// </summary>
    public static Task<string> AttestAsync(
        HubFactory hub, Snapshot snapshot, DateTimeOffset issuedAt, IEnumerable<(KpiValue Value, VerdictOutcome Outcome)> verdicts, string verifierId = Verifier)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return AttestAsync(hub, snapshot.SnapshotId, issuedAt, verdicts, verifierId);
    }

    /// <summary>The same, for the accepted snapshot <paramref name="snapshotId"/>.</summary>
    public static async Task<string> AttestAsync(
        HubFactory hub, Guid snapshotId, DateTimeOffset issuedAt, IEnumerable<(KpiValue Value, VerdictOutcome Outcome)> verdicts, string verifierId = Verifier)
    {
        ArgumentNullException.ThrowIfNull(hub);
        var digest = Base64Url(RandomNumberGenerator.GetBytes(32));
        await hub.WithServicesAsync(async services =>
        {
            var db = services.GetRequiredService<NetworkDbContext>();
            var stored = await db.Snapshots.SingleAsync(s => s.SnapshotId == snapshotId);
            if (!await db.Verifiers.AnyAsync(v => v.Id == verifierId))
            {
                db.Verifiers.Add(new VerifierRecord { Id = verifierId, Name = $"Verifier {verifierId}", RegisteredAt = DateTimeOffset.UtcNow });
            }

            var id = Guid.NewGuid();
            var receivedAt = StoredTime.Of(DateTimeOffset.UtcNow);
            db.Attestations.Add(new AttestationRecord
            {
                AttestationId = id,
                VerifierId = verifierId,
                KeyId = "seeded-key",
                SnapshotId = stored.SnapshotId,
                SnapshotDigest = stored.Digest,
                CityId = stored.CityId,
                Period = stored.Period,
                Method = "Seeded by the test",
                IssuedAt = issuedAt,
                ReceivedAt = receivedAt,
                Jws = "seeded",
                Digest = digest,
                ContentHash = digest,
                Door = SubmissionDoor.Http,
                Public = stored.Public,
                Verdicts = [.. verdicts.Select(v => new VerdictRecord
                {
                    AttestationId = id,
                    SnapshotId = stored.SnapshotId,
                    VerifierId = verifierId,
                    CityId = stored.CityId,
                    Period = stored.Period,
                    KpiCode = v.Value.Kpi,
                    DataPoint = StoredDataPoint.Write(v.Value.DataPoint),
                    Value = v.Value.Value,
                    Unit = v.Value.Unit,
                    Outcome = v.Outcome,
                    Reason = v.Outcome == VerdictOutcome.NotVerified ? "No source for the number" : null,
                    IssuedAt = issuedAt,
                    ReceivedAt = receivedAt,
                    AttestationDigest = digest,
                    Public = stored.Public,
                })],
            });
            await db.SaveChangesAsync();
        });
        return digest;
    }

    /// <summary>Every value of <paramref name="snapshot"/> verified, except those <paramref name="otherwise"/> names (by KPI and data point).</summary>
    public static IEnumerable<(KpiValue Value, VerdictOutcome Outcome)> AllVerified(
        Snapshot snapshot, params (string Kpi, string? DataPoint, VerdictOutcome Outcome)[] otherwise)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return snapshot.Values.Select(v => (v,
            otherwise.FirstOrDefault(o => o.Kpi == v.Kpi && o.DataPoint == v.DataPoint) is { Kpi: not null } o ? o.Outcome : VerdictOutcome.Verified));
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
