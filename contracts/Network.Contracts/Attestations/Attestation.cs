namespace Network.Contracts.Attestations;

/// <summary>
/// A U4SSC verifier's signed statement about one city snapshot (the payload of a JWS with <c>typ</c>
/// <c>u4ssc-attestation+jws</c>, see <c>contracts/README.md</c>). The city's own JWS never changes: the attestation
/// names it by its digest. A later attestation of the same verifier on the same snapshot supersedes an earlier one;
/// both stay readable.
/// </summary>
/// <param name="AttestationId">A UUID chosen by the verifier; the hub is idempotent on it.</param>
/// <param name="VerifierId">The verifier's id in the network (e.g. <c>demo-verifier</c>).</param>
/// <param name="SnapshotDigest">The attested snapshot's digest (<see cref="Snapshots.SnapshotFormat.Digest"/>).</param>
/// <param name="SnapshotId">The attested snapshot's id, repeated so a replay against another snapshot is caught by name.</param>
/// <param name="CityId">The snapshot's city.</param>
/// <param name="Period">The snapshot's reporting period.</param>
/// <param name="Method">How the values were checked, e.g. <c>U4SSC KPI verification (ITU, 2022)</c>.</param>
/// <param name="ReportReference">The Verification Report this attestation summarises, if any.</param>
/// <param name="IssuedAt">When the verifier signed it.</param>
/// <param name="Verdicts">One verdict per attested value; values without a verdict stay unverified.</param>
public sealed record Attestation(
    Guid AttestationId,
    string VerifierId,
    string SnapshotDigest,
    Guid SnapshotId,
    string CityId,
    int Period,
    string Method,
    string? ReportReference,
    DateTimeOffset IssuedAt,
    IReadOnlyList<Verdict> Verdicts);
