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
    public static class Fields
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
            w.WriteString(Fields.AttestationId, attestation.AttestationId.ToString("D"));
            w.WriteString(Fields.VerifierId, attestation.VerifierId);
            w.WriteString(Fields.SnapshotDigest, attestation.SnapshotDigest);
            w.WriteString(Fields.SnapshotId, attestation.SnapshotId.ToString("D"));
            w.WriteString(Fields.CityId, attestation.CityId);
            w.WriteNumber(Fields.Period, attestation.Period);
            w.WriteString(Fields.Method, attestation.Method);
            if (attestation.ReportReference is { } report)
            {
                w.WriteString(Fields.ReportRef, report);
            }

            w.WriteString(Fields.IssuedAt, SnapshotJson.FormatInstant(attestation.IssuedAt));
            w.WriteStartArray(Fields.Verdicts);
            foreach (var verdict in attestation.Verdicts)
            {
                w.WriteStartObject();
                w.WriteString(Fields.Kpi, verdict.Kpi);
                if (verdict.DataPoint is { } dataPoint)
                {
                    w.WriteString(Fields.DataPoint, dataPoint);
                }

                w.WriteNumber(Fields.Value, verdict.Value);
                w.WriteString(Fields.Unit, verdict.Unit);
                w.WriteString(Fields.Verdict, AttestationFormat.WireName(verdict.Outcome));
                if (verdict.Reason is { } reason)
                {
                    w.WriteString(Fields.Reason, reason);
                }

                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return buffer.ToArray();
    }
}
