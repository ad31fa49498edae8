using System.Globalization;
using System.Text.Json;

namespace Network.Contracts.Snapshots;

/// <summary>
/// Writes a snapshot as the UTF-8 JSON payload that gets signed. Property names and order are fixed here
/// and read back by <c>SnapshotPayloadReader</c>; <c>contracts/README.md</c> specifies them.
/// </summary>
public static class SnapshotJson
{
    /// <summary>The payload's property names.</summary>
    public static class Fields
    {
#pragma warning disable CS1591 // the names are their own documentation
        public const string SnapshotId = "snapshotId";
        public const string CityId = "cityId";
        public const string Period = "period";
        public const string Status = "status";
        public const string Supersedes = "supersedes";
        public const string IssuedAt = "issuedAt";
        public const string CatalogueVersion = "catalogueVersion";
        public const string Values = "values";
        public const string Kpi = "kpi";
        public const string DataPoint = "dataPoint";
        public const string Value = "value";
        public const string Unit = "unit";
        public const string Quality = "quality";
        public const string Origin = "origin";
        public const string Source = "source";
        public const string Note = "note";
        public const string FormatVersion = "formatVersion";
        public const string SdAlg = "_sd_alg";
        public const string Sd = "_sd";
#pragma warning restore CS1591
    }

    /// <summary>
    /// The payload bytes for <paramref name="snapshot"/>. Optional fields that are null are left out. In format 2 a value
    /// carries its <see cref="KpiValue.NoteDigest"/> as <c>_sd</c> and never its note.
    /// </summary>
    /// <exception cref="ArgumentException">A format-2 value has a note but no digest: its note would be lost.</exception>
    public static byte[] Serialize(Snapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var version2 = snapshot.FormatVersion == SnapshotFormat.Version2;
        if (version2 && snapshot.Values.Any(v => v.Note is not null && v.NoteDigest is null))
        {
            throw new ArgumentException("A format-2 snapshot withholds notes: give each value with a note its disclosure's digest (SnapshotSigner.SignWithDisclosures does).", nameof(snapshot));
        }

        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            if (version2)
            {
                w.WriteNumber(Fields.FormatVersion, SnapshotFormat.Version2);
                if (snapshot.Values.Any(v => v.NoteDigest is not null))
                {
                    w.WriteString(Fields.SdAlg, Disclosures.SelectiveDisclosure.HashAlgorithm);
                }
            }

            w.WriteString(Fields.SnapshotId, snapshot.SnapshotId.ToString("D"));
            w.WriteString(Fields.CityId, snapshot.CityId);
            w.WriteNumber(Fields.Period, snapshot.Period);
            w.WriteString(Fields.Status, WireNames.Of(snapshot.Status));
            if (snapshot.Supersedes is { } superseded)
            {
                w.WriteString(Fields.Supersedes, superseded.ToString("D"));
            }

            w.WriteString(Fields.IssuedAt, FormatInstant(snapshot.IssuedAt));
            w.WriteString(Fields.CatalogueVersion, snapshot.CatalogueVersion);
            w.WriteStartArray(Fields.Values);
            foreach (var value in snapshot.Values)
            {
                WriteValue(w, value, version2);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return buffer.ToArray();
    }

    /// <summary>
    /// The values alone, as the payload's <c>values</c> array carries them: what a node keeps while the snapshot is a
    /// draft, so that it stores what it will sign. <see cref="DeserializeValues"/> reads it back.
    /// </summary>
    public static byte[] SerializeValues(IReadOnlyList<KpiValue> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartArray();
            foreach (var value in values)
            {
                WriteValue(w, value, version2: false);
            }

            w.WriteEndArray();
        }

        return buffer.ToArray();
    }

    /// <summary>Reads what <see cref="SerializeValues"/> wrote, with the payload's checks on every value.</summary>
    /// <exception cref="FormatException">The JSON is not a values array of the snapshot format; the message names every problem.</exception>
    public static IReadOnlyList<KpiValue> DeserializeValues(ReadOnlySpan<byte> json)
    {
        try
        {
            using var document = JsonDocument.Parse(json.ToArray());
            var values = Verification.SnapshotPayloadReader.ReadValueList(document.RootElement, out var problems);
            return problems.Count == 0 ? values : throw new FormatException($"Not a values array of the snapshot format: {string.Join(" ", problems)}");
        }
        catch (JsonException e)
        {
            throw new FormatException($"Not a values array of the snapshot format: {e.Message}", e);
        }
    }

    /// <summary>An instant as RFC 3339 in UTC with seconds precision, e.g. <c>2020-09-30T12:00:00Z</c>.</summary>
    public static string FormatInstant(DateTimeOffset instant) =>
        instant.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static void WriteValue(Utf8JsonWriter w, KpiValue v, bool version2)
    {
        w.WriteStartObject();
        w.WriteString(Fields.Kpi, v.Kpi);
        if (v.DataPoint is not null)
        {
            w.WriteString(Fields.DataPoint, v.DataPoint);
        }

        w.WriteNumber(Fields.Value, v.Value);
        w.WriteString(Fields.Unit, v.Unit);
        w.WriteString(Fields.Quality, WireNames.Of(v.Quality));
        w.WriteString(Fields.Origin, v.Origin);
        w.WriteString(Fields.Source, v.Source);
        if (version2)
        {
            if (v.NoteDigest is not null)
            {
                w.WriteStartArray(Fields.Sd);
                w.WriteStringValue(v.NoteDigest);
                w.WriteEndArray();
            }
        }
        else if (v.Note is not null)
        {
            w.WriteString(Fields.Note, v.Note);
        }

        w.WriteEndObject();
    }
}
