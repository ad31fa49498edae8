using System.Text.Json;
using Network.Contracts.Snapshots;

namespace Network.Contracts.Attestations;

/// <summary>
/// Writes an attestation as the UTF-8 JSON payload that gets signed. Property names and order are fixed here;
/// <c>contracts/README.md</c> specifies them and the attestation verifier reads them back.
/// </summary>
public static class AttestationJson
{
    /// <summary>The payload's property names.</summary>
    public static class Members
    {
#pragma warning disable CS1591 // the names are their own documentation
        public const string AttestationId = "attestationId";
        public const string VerifierId = "verifierId";
        public const string SnapshotDigest = "snapshotDigest";
        public const string SnapshotId = "snapshotId";
        public const string CityId = "cityId";
        public const string Period = "period";
        public const string Method = "method";
        public const string ReportRef = "reportRef";
        public const string IssuedAt = "issuedAt";
        public const string Verdicts = "verdicts";
        public const string Kpi = "kpi";
        public const string DataPoint = "dataPoint";
        public const string Value = "value";
        public const string Unit = "unit";
        public const string Verdict = "verdict";
        public const string Reason = "reason";
#pragma warning restore CS1591
    }

    /// <summary>The payload bytes for <paramref name="attestation"/>. Optional fields that are null are left out.</summary>
    public static byte[] Serialize(Attestation attestation)
    {
        ArgumentNullException.ThrowIfNull(attestation);
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString(Members.AttestationId, attestation.AttestationId.ToString("D"));
            w.WriteString(Members.VerifierId, attestation.VerifierId);
            w.WriteString(Members.SnapshotDigest, attestation.SnapshotDigest);
            w.WriteString(Members.SnapshotId, attestation.SnapshotId.ToString("D"));
            w.WriteString(Members.CityId, attestation.CityId);
            w.WriteNumber(Members.Period, attestation.Period);
            w.WriteString(Members.Method, attestation.Method);
            if (attestation.ReportReference is { } report)
            {
                w.WriteString(Members.ReportRef, report);
            }

            w.WriteString(Members.IssuedAt, SnapshotJson.FormatInstant(attestation.IssuedAt));
            w.WriteStartArray(Members.Verdicts);
            foreach (var verdict in attestation.Verdicts)
            {
                w.WriteStartObject();
                w.WriteString(Members.Kpi, verdict.Kpi);
                if (verdict.DataPoint is { } dataPoint)
                {
                    w.WriteString(Members.DataPoint, dataPoint);
                }

                w.WriteNumber(Members.Value, verdict.Value);
                w.WriteString(Members.Unit, verdict.Unit);
                w.WriteString(Members.Verdict, AttestationFormat.WireName(verdict.Outcome));
                if (verdict.Reason is { } reason)
                {
                    w.WriteString(Members.Reason, reason);
                }

                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return buffer.ToArray();
    }
}
