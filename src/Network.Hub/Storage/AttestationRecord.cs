namespace Network.Hub.Storage;

/// <summary>
/// An accepted attestation: the verifier's JWS exactly as received (anyone can re-verify it) and the facts it states.
/// Append-only: a later attestation on the same snapshot supersedes an earlier one for reading, and both stay stored.
/// </summary>
public sealed class AttestationRecord
{
    /// <summary>The verifier's attestation id.</summary>
    public required Guid AttestationId { get; init; }

    /// <summary>The verifier that signed it.</summary>
    public required string VerifierId { get; init; }

    /// <summary>The verifier key that signed it.</summary>
    public required string KeyId { get; init; }

    /// <summary>The attested snapshot.</summary>
    public required Guid SnapshotId { get; init; }

    /// <summary>The attested snapshot's digest, as the attestation names it.</summary>
    public required string SnapshotDigest { get; init; }

    /// <summary>The snapshot's city.</summary>
    public required string CityId { get; init; }

    /// <summary>The snapshot's period.</summary>
    public required int Period { get; init; }

    /// <summary>How the values were checked.</summary>
    public required string Method { get; init; }

    /// <summary>The Verification Report it summarises, if named.</summary>
    public string? ReportReference { get; init; }

    /// <summary>When the verifier signed it.</summary>
    public required DateTimeOffset IssuedAt { get; init; }

    /// <summary>When the hub stored it.</summary>
    public required DateTimeOffset ReceivedAt { get; init; }

    /// <summary>The compact JWS as received.</summary>
    public required string Jws { get; init; }

    /// <summary>The attestation's digest (base64url SHA-256 of its JWS), as readers see it next to each verdict.</summary>
    public required string Digest { get; init; }

    /// <summary>SHA-256 of the payload part: the same attestation signed again has the same one (idempotency).</summary>
    public required string ContentHash { get; init; }

    /// <summary>Which door it came in through.</summary>
    public required SubmissionDoor Door { get; init; }

    /// <summary>Its snapshot's <see cref="SnapshotRecord.Public"/>: a verdict on embargoed figures is embargoed with them.</summary>
    public required bool Public { get; init; }

    /// <summary>Its verdicts, one row each.</summary>
    public List<VerdictRecord> Verdicts { get; init; } = [];
}
