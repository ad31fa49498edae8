namespace Network.Hub.Attestations;

/// <summary>An accepted attestation as <c>GET /api/snapshots/{id}/attestations</c> shows it.</summary>
/// <param name="AttestationId">The verifier's attestation id.</param>
/// <param name="VerifierId">The verifier that signed it.</param>
/// <param name="VerifierName">The verifier's organisation, as the network registered it.</param>
/// <param name="KeyId">The verifier key that signed it (its public key: <c>GET /api/verifiers/{id}/jwks</c>).</param>
/// <param name="Digest">The attestation's digest (base64url SHA-256 of its compact JWS).</param>
/// <param name="Jws">The compact JWS exactly as received, for anyone to re-verify: it carries no members-only text.</param>
/// <param name="Method">How the values were checked.</param>
/// <param name="ReportRef">The Verification Report it summarises, if named.</param>
/// <param name="IssuedAt">When the verifier signed it.</param>
/// <param name="ReceivedAt">When the hub stored it.</param>
/// <param name="SupersededBy">The next attestation of the same verifier on the same snapshot, if there is one: that one
/// is the verifier's word now; this one stays readable.</param>
/// <param name="Verdicts">Its verdicts, in the order it lists them.</param>
public sealed record AttestationView(
    Guid AttestationId,
    string VerifierId,
    string VerifierName,
    string KeyId,
    string Digest,
    string Jws,
    string Method,
    string? ReportRef,
    DateTimeOffset IssuedAt,
    DateTimeOffset ReceivedAt,
    Guid? SupersededBy,
    IReadOnlyList<VerdictView> Verdicts);

/// <summary>One verdict of an attestation.</summary>
/// <param name="Kpi">The KPI code.</param>
/// <param name="DataPoint">The data point, for KPIs reported in parts.</param>
/// <param name="Value">The number the verdict is about.</param>
/// <param name="Unit">The unit the verdict is about.</param>
/// <param name="Verdict">The outcome's wire name: <c>verified</c>, <c>not-verified</c> or <c>question</c>.</param>
/// <param name="Reason">Why not verified, or a public remark.</param>
public sealed record VerdictView(string Kpi, string? DataPoint, double Value, string Unit, string Verdict, string? Reason);
