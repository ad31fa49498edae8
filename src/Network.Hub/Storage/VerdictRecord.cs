using Network.Contracts.Attestations;

namespace Network.Hub.Storage;

/// <summary>
/// One verdict of one accepted attestation. It binds to a value by KPI, data point, number and unit (not by row), so
/// the verdict carries over to a correction that keeps the value unchanged. City, period and verifier are repeated from
/// the attestation so the "verified" columns of every reader need no join.
/// </summary>
public sealed class VerdictRecord
{
    /// <summary>Surrogate key.</summary>
    public long Id { get; init; }

    /// <summary>The attestation it belongs to.</summary>
    public required Guid AttestationId { get; init; }

    /// <summary>The attested snapshot.</summary>
    public required Guid SnapshotId { get; init; }

    /// <summary>The verifier (copied from the attestation).</summary>
    public required string VerifierId { get; init; }

    /// <summary>The city (copied from the attestation).</summary>
    public required string CityId { get; init; }

    /// <summary>The period (copied from the attestation).</summary>
    public required int Period { get; init; }

    /// <summary>The KPI code.</summary>
    public required string KpiCode { get; init; }

    /// <summary>The data point, or the empty string (see <see cref="StoredDataPoint"/>).</summary>
    public required string DataPoint { get; init; }

    /// <summary>The number the verdict is about.</summary>
    public required double Value { get; init; }

    /// <summary>The unit the verdict is about.</summary>
    public required string Unit { get; init; }

    /// <summary>Verified, not verified, or a question.</summary>
    public required VerdictOutcome Outcome { get; init; }

    /// <summary>Why not verified, or a public remark.</summary>
    public string? Reason { get; init; }

    /// <summary>When the verifier signed the attestation (the newest verdict on a value is the one that counts).</summary>
    public required DateTimeOffset IssuedAt { get; init; }

    /// <summary>When the hub stored the attestation (breaks ties of <see cref="IssuedAt"/>).</summary>
    public required DateTimeOffset ReceivedAt { get; init; }

    /// <summary>The attestation's digest, shown next to the verdict.</summary>
    public required string AttestationDigest { get; init; }

    /// <summary>The attestation's <see cref="AttestationRecord.Public"/>, repeated so the embargo filters verdicts without a join.</summary>
    public required bool Public { get; init; }
}
