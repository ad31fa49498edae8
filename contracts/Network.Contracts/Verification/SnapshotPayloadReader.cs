using System.Buffers.Text;
using System.Text.Json;
using Network.Contracts.Disclosures;
using Network.Contracts.Snapshots;
using F = Network.Contracts.Snapshots.SnapshotJson.Fields;

namespace Network.Contracts.Verification;

/// <summary>
/// Reads a payload into a <see cref="Snapshot"/>, naming every shape problem with its JSONPath: missing and
/// unknown fields, wrong JSON types, non-finite numbers, unparseable ids, dates and enumeration values.
/// Meaning (KPI codes, units, ranges) is <see cref="SnapshotRules"/>' job.
/// </summary>
internal sealed class SnapshotPayloadReader : PayloadReader
{
    private static readonly HashSet<string> SnapshotFields =
        [F.FormatVersion, F.SnapshotId, F.CityId, F.Period, F.Status, F.Supersedes, F.IssuedAt, F.CatalogueVersion, F.Values];

    private static readonly HashSet<string> SnapshotFieldsV2 = [F.SdAlg, .. SnapshotFields];

    private static readonly HashSet<string> ValueFields =
        [F.Kpi, F.DataPoint, F.Value, F.Unit, F.Quality, F.Origin, F.Source, F.Note];

    // Format 2 withholds every note: a note in the clear would make the JWS members-only again.
    private static readonly HashSet<string> ValueFieldsV2 =
        [F.Kpi, F.DataPoint, F.Value, F.Unit, F.Quality, F.Origin, F.Source, F.Sd];

    private int _version = SnapshotFormat.Version1;

    private SnapshotPayloadReader()
    {
    }

    /// <summary>
    /// Reads <paramref name="root"/>. The snapshot is always returned, with placeholders where a field could
    /// not be read (so its id and city can address an answer); <paramref name="problems"/> says which.
    /// </summary>
    public static Snapshot Read(JsonElement root, out List<Rejection> problems)
    {
        var reader = new SnapshotPayloadReader();
        var snapshot = reader.ReadSnapshot(root);
        problems = reader.Problems;
        return snapshot;
    }

    /// <summary>
    /// Reads a values array on its own (<see cref="SnapshotJson.SerializeValues"/>), with the checks a payload's values
    /// get; paths name it <c>$.values</c>, as in a payload.
    /// </summary>
    public static List<KpiValue> ReadValueList(JsonElement array, out List<Rejection> problems)
    {
        var reader = new SnapshotPayloadReader();
        var values = reader.ReadValueArray(array);
        problems = reader.Problems;
        return values;
    }

    private Snapshot ReadSnapshot(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            Problems.Add(Rejections.WrongFieldType("$", "an object", Describe(root)));
            return new Snapshot(Guid.Empty, "", 0, SnapshotStatus.Final, null, default, "", []);
        }

        _version = ReadVersion(root);
        RejectUnknown(root, "$", _version == SnapshotFormat.Version2 ? SnapshotFieldsV2 : SnapshotFields);
        var id = ReadGuid(root, "$", F.SnapshotId, required: true) ?? Guid.Empty;
        var city = ReadString(root, "$", F.CityId, required: true) ?? "";
        var period = ReadInt(root, "$", F.Period) ?? 0;
        var statusText = ReadString(root, "$", F.Status, required: true);
        var status = SnapshotStatus.Final;
        if (statusText is not null && !WireNames.TryParseStatus(statusText, out status))
        {
            Problems.Add(Rejections.InvalidField($"$.{F.Status}",
                $"'{statusText}' is not a status; use one of: {string.Join(", ", WireNames.Statuses)}."));
        }

        var supersedes = ReadGuid(root, "$", F.Supersedes, required: false);
        var issuedAt = ReadInstant(root, "$", F.IssuedAt) ?? default;
        var version = ReadString(root, "$", F.CatalogueVersion, required: true) ?? "";
        var values = ReadValues(root);
        if (_version == SnapshotFormat.Version2)
        {
            ReadDigestAlgorithm(root, values);
        }

        return new Snapshot(id, city, period, status, supersedes, issuedAt, version, values, _version);
    }

    // formatVersion: absent or null is format 1 (every snapshot signed before format 2 existed); 1 or 2 when given.
    private int ReadVersion(JsonElement root)
    {
        const string path = "$." + F.FormatVersion;
        if (!root.TryGetProperty(F.FormatVersion, out var v) || v.ValueKind == JsonValueKind.Null)
        {
            return SnapshotFormat.Version1;
        }

        if (v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var n) && n is SnapshotFormat.Version1 or SnapshotFormat.Version2)
        {
            return n;
        }

        Problems.Add(v.ValueKind == JsonValueKind.Number
            ? Rejections.InvalidField(path, $"{v.GetRawText()} is not a snapshot format version; use 2 (notes as disclosures) or leave it out for format 1.")
            : Rejections.WrongFieldType(path, "the whole number 2", Describe(v)));
        return SnapshotFormat.Version1;
    }

    // _sd_alg names the digest algorithm of the values' _sd digests: required when a value has one, sha-256 only.
    private void ReadDigestAlgorithm(JsonElement root, List<KpiValue> values)
    {
        const string path = "$." + F.SdAlg;
        var algorithm = ReadString(root, "$", F.SdAlg, required: values.Any(v => v.NoteDigest is not null));
        if (algorithm is not null && !string.Equals(algorithm, SelectiveDisclosure.HashAlgorithm, StringComparison.Ordinal))
        {
            Problems.Add(Rejections.InvalidField(path, $"'{Truncate(algorithm)}' is not supported; disclosures are digested with \"{SelectiveDisclosure.HashAlgorithm}\"."));
        }
    }

    private List<KpiValue> ReadValues(JsonElement root)
    {
        if (!root.TryGetProperty(F.Values, out var array) || array.ValueKind == JsonValueKind.Null)
        {
            Problems.Add(Rejections.MissingField("$." + F.Values));
            return [];
        }

        return ReadValueArray(array);
    }

    private List<KpiValue> ReadValueArray(JsonElement array)
    {
        var values = new List<KpiValue>();
        const string path = "$." + F.Values;
        if (array.ValueKind != JsonValueKind.Array)
        {
            Problems.Add(Rejections.WrongFieldType(path, "an array of values", Describe(array)));
            return values;
        }

        var length = array.GetArrayLength();
        if (length > SnapshotFormat.MaxValues)
        {
            Problems.Add(Rejections.TooManyValues(length, SnapshotFormat.MaxValues));
            return values;
        }

        var index = 0;
        foreach (var item in array.EnumerateArray())
        {
            values.Add(ReadValue(item, $"{path}[{index++}]"));
        }

        return values;
    }

    private KpiValue ReadValue(JsonElement item, string path)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            Problems.Add(Rejections.WrongFieldType(path, "an object", Describe(item)));
            return new KpiValue("", null, 0, "", DataQuality.Unknown, "", "");
        }

        RejectUnknown(item, path, _version == SnapshotFormat.Version2 ? ValueFieldsV2 : ValueFields);
        var kpi = ReadString(item, path, F.Kpi, required: true) ?? "";
        var dataPoint = ReadString(item, path, F.DataPoint, required: false);
        var number = ReadNumber(item, path, F.Value);
        var unit = ReadString(item, path, F.Unit, required: true) ?? "";
        var qualityText = ReadString(item, path, F.Quality, required: true);
        var quality = DataQuality.Unknown;
        if (qualityText is not null && !WireNames.TryParseQuality(qualityText, out quality))
        {
            Problems.Add(Rejections.InvalidField($"{path}.{F.Quality}",
                $"'{qualityText}' is not a U4SSC data-quality class; use one of: {string.Join(", ", WireNames.Qualities)}."));
        }

        var origin = ReadString(item, path, F.Origin, required: true) ?? "";
        var source = ReadString(item, path, F.Source, required: true) ?? "";
        if (_version == SnapshotFormat.Version2)
        {
            return new KpiValue(kpi, dataPoint, number, unit, quality, origin, source, null, ReadNoteDigest(item, path));
        }

        var note = ReadString(item, path, F.Note, required: false);
        return new KpiValue(kpi, dataPoint, number, unit, quality, origin, source, note);
    }

    // _sd: the array of exactly one digest of the value's note disclosure (RFC 9901 §4.2.4.1; no decoys).
    private string? ReadNoteDigest(JsonElement item, string parent)
    {
        var path = $"{parent}.{F.Sd}";
        if (!item.TryGetProperty(F.Sd, out var v))
        {
            return null;
        }

        if (v.ValueKind != JsonValueKind.Array)
        {
            Problems.Add(Rejections.WrongFieldType(path, "an array holding one digest", Describe(v)));
            return null;
        }

        if (v.GetArrayLength() != 1)
        {
            Problems.Add(Rejections.InvalidField(path, $"A value withholds one note: _sd holds exactly one digest, not {v.GetArrayLength()}."));
            return null;
        }

        var digest = v[0];
        if (digest.ValueKind != JsonValueKind.String)
        {
            Problems.Add(Rejections.WrongFieldType($"{path}[0]", "a digest string", Describe(digest)));
            return null;
        }

        var text = digest.GetString()!;
        if (text.Length != SelectiveDisclosure.DigestLength || text.Contains('=') || !Base64Url.IsValid(text))
        {
            Problems.Add(Rejections.InvalidField($"{path}[0]", "A digest is a SHA-256 hash as 43 characters of unpadded base64url."));
            return null;
        }

        return text;
    }
}
