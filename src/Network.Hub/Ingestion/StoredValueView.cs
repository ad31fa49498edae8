using Network.Contracts.Snapshots;
using Network.Hub.Storage;

namespace Network.Hub.Ingestion;

/// <summary>One value of a stored snapshot as <c>GET /api/snapshots/{id}</c> lists it, with its current verdict.</summary>
/// <param name="Kpi">The KPI code.</param>
/// <param name="DataPoint">The data point; null for a KPI reported as one number.</param>
/// <param name="Value">The number.</param>
/// <param name="Unit">The unit symbol.</param>
/// <param name="Quality">The data-quality class.</param>
/// <param name="Origin">Who produced the data.</param>
/// <param name="Source">Where it can be checked.</param>
/// <param name="Verified">Whether the newest verdict on this KPI, data point, number and unit in the city and period says verified.</param>
/// <param name="Verdict">That verdict's outcome (<c>verified</c>, <c>not-verified</c>, <c>question</c>); null when no verifier gave one.</param>
/// <param name="VerifiedBy">The verifier that gave it.</param>
/// <param name="VerifiedAt">When the verifier signed the attestation holding it.</param>
/// <param name="AttestationDigest">That attestation's digest (<c>GET /api/snapshots/{id}/attestations</c> lists it with its JWS).</param>
public sealed record StoredValueView(
    string Kpi, string? DataPoint, double Value, string Unit, DataQuality Quality, string Origin, string Source,
    bool Verified, string? Verdict, string? VerifiedBy, DateTimeOffset? VerifiedAt, string? AttestationDigest)
{
    /// <summary>The view of a stored value and its current verdict.</summary>
    public static StoredValueView Of(ValueWithVerdict row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var v = row.Value;
        var verdict = ValueVerdict.Of(row.Verdict);
        return new(v.KpiCode, StoredDataPoint.Read(v.DataPoint), v.Value, v.Unit, v.Quality, v.Origin, v.Source,
            verdict?.Verified ?? false, verdict?.WireName, verdict?.VerifierId, verdict?.IssuedAt, verdict?.AttestationDigest);
    }
}
