using System.Buffers.Text;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Network.Contracts.Disclosures;
using Network.Contracts.Snapshots;
using F = Network.Contracts.Snapshots.SnapshotJson.Fields;

namespace Network.Contracts.Verification;

/// <summary>
/// Reads a payload into a <see cref="Snapshot"/>, naming every shape problem with its JSONPath: missing and
/// unknown fields, wrong JSON types, non-finite numbers, unparseable ids, dates and enumeration values.
/// Meaning (KPI codes, units, ranges) is <see cref="SnapshotRules"/>' job.
/// </summary>
internal sealed partial class SnapshotPayloadReader
{
    // RFC 3339 §5.6 date-time, fractions limited to the 7 digits .NET keeps.
    private static readonly string[] InstantFormats =
    [
        "yyyy-MM-dd'T'HH:mm:ssK",
        .. Enumerable.Range(1, 7).Select(digits => $"yyyy-MM-dd'T'HH:mm:ss.{new string('f', digits)}K"),
    ];

    private static readonly HashSet<string> SnapshotFields =
        [F.FormatVersion, F.SnapshotId, F.CityId, F.Period, F.Status, F.Supersedes, F.IssuedAt, F.CatalogueVersion, F.Values];

    private static readonly HashSet<string> SnapshotFieldsV2 = [F.SdAlg, .. SnapshotFields];

    private static readonly HashSet<string> ValueFields =
        [F.Kpi, F.DataPoint, F.Value, F.Unit, F.Quality, F.Origin, F.Source, F.Note];

    // Format 2 withholds every note: a note in the clear would make the JWS members-only again.
    private static readonly HashSet<string> ValueFieldsV2 =
        [F.Kpi, F.DataPoint, F.Value, F.Unit, F.Quality, F.Origin, F.Source, F.Sd];

    private int _version = SnapshotFormat.Version1;

    private readonly List<Rejection> _problems = [];

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
        problems = reader._problems;
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
        problems = reader._problems;
        return values;
    }

    private Snapshot ReadSnapshot(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            _problems.Add(Rejections.WrongFieldType("$", "an object", Describe(root)));
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
            _problems.Add(Rejections.InvalidField($"$.{F.Status}",
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

        _problems.Add(v.ValueKind == JsonValueKind.Number
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
            _problems.Add(Rejections.InvalidField(path, $"'{Truncate(algorithm)}' is not supported; disclosures are digested with \"{SelectiveDisclosure.HashAlgorithm}\"."));
        }
    }

    private List<KpiValue> ReadValues(JsonElement root)
    {
        if (!root.TryGetProperty(F.Values, out var array) || array.ValueKind == JsonValueKind.Null)
        {
            _problems.Add(Rejections.MissingField("$." + F.Values));
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
            _problems.Add(Rejections.WrongFieldType(path, "an array of values", Describe(array)));
            return values;
        }

        var length = array.GetArrayLength();
        if (length > SnapshotFormat.MaxValues)
        {
            _problems.Add(Rejections.TooManyValues(length, SnapshotFormat.MaxValues));
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
            _problems.Add(Rejections.WrongFieldType(path, "an object", Describe(item)));
            return new KpiValue("", null, 0, "", DataQuality.Unknown, "", "");
        }

        RejectUnknown(item, path, _version == SnapshotFormat.Version2 ? ValueFieldsV2 : ValueFields);
        var kpi = ReadString(item, path, F.Kpi, required: true) ?? "";
        var dataPoint = ReadString(item, path, F.DataPoint, required: false);
        var number = ReadNumber(item, path);
        var unit = ReadString(item, path, F.Unit, required: true) ?? "";
        var qualityText = ReadString(item, path, F.Quality, required: true);
        var quality = DataQuality.Unknown;
        if (qualityText is not null && !WireNames.TryParseQuality(qualityText, out quality))
        {
            _problems.Add(Rejections.InvalidField($"{path}.{F.Quality}",
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
            _problems.Add(Rejections.WrongFieldType(path, "an array holding one digest", Describe(v)));
            return null;
        }

        if (v.GetArrayLength() != 1)
        {
            _problems.Add(Rejections.InvalidField(path, $"A value withholds one note: _sd holds exactly one digest, not {v.GetArrayLength()}."));
            return null;
        }

        var digest = v[0];
        if (digest.ValueKind != JsonValueKind.String)
        {
            _problems.Add(Rejections.WrongFieldType($"{path}[0]", "a digest string", Describe(digest)));
            return null;
        }

        var text = digest.GetString()!;
        if (text.Length != SelectiveDisclosure.DigestLength || text.Contains('=') || !Base64Url.IsValid(text))
        {
            _problems.Add(Rejections.InvalidField($"{path}[0]", "A digest is a SHA-256 hash as 43 characters of unpadded base64url."));
            return null;
        }

        return text;
    }

    private void RejectUnknown(JsonElement obj, string path, HashSet<string> known)
    {
        foreach (var property in obj.EnumerateObject())
        {
            if (!known.Contains(property.Name))
            {
                _problems.Add(Rejections.UnknownField(JsonPath.Member(path, property.Name), _version, property.Name));
            }
        }
    }

    private string? ReadString(JsonElement obj, string parent, string name, bool required)
    {
        var path = $"{parent}.{name}";
        if (!obj.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null)
        {
            if (required)
            {
                _problems.Add(Rejections.MissingField(path));
            }

            return null;
        }

        if (v.ValueKind != JsonValueKind.String)
        {
            _problems.Add(Rejections.WrongFieldType(path, "a string", Describe(v)));
            return null;
        }

        return v.GetString();
    }

    private Guid? ReadGuid(JsonElement obj, string parent, string name, bool required)
    {
        var text = ReadString(obj, parent, name, required);
        if (text is null)
        {
            return null;
        }

        // TryParseExact("D") forgives surrounding whitespace; the wire form is exactly 36 characters.
        if (text.Length == 36 && Guid.TryParseExact(text, "D", out var id) && id != Guid.Empty)
        {
            return id;
        }

        _problems.Add(Rejections.InvalidField($"{parent}.{name}",
            $"'{text}' is not a UUID in the form 0f8fad5b-d9cb-469f-a165-70867728950e (the nil UUID is not allowed)."));
        return null;
    }

    private int? ReadInt(JsonElement obj, string parent, string name)
    {
        var path = $"{parent}.{name}";
        if (!obj.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null)
        {
            _problems.Add(Rejections.MissingField(path));
            return null;
        }

        if (v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var n))
        {
            return n;
        }

        _problems.Add(Rejections.WrongFieldType(path, "a whole-number year such as 2020", Describe(v)));
        return null;
    }

    private DateTimeOffset? ReadInstant(JsonElement obj, string parent, string name)
    {
        var text = ReadString(obj, parent, name, required: true);
        if (text is null)
        {
            return null;
        }

        // RFC 3339 date-time with an explicit offset: a time without one is ambiguous across the network, and
        // a reader in another language must get the same instant, so nothing looser (no local formats) passes.
        if (Rfc3339().IsMatch(text)
            && DateTimeOffset.TryParseExact(text.ToUpperInvariant(), InstantFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant))
        {
            return instant;
        }

        _problems.Add(Rejections.InvalidField($"{parent}.{name}",
            $"'{text}' is not an RFC 3339 date-time with offset, e.g. 2020-09-30T12:00:00Z."));
        return null;
    }

    private double ReadNumber(JsonElement obj, string parent)
    {
        var path = $"{parent}.{F.Value}";
        if (!obj.TryGetProperty(F.Value, out var v) || v.ValueKind == JsonValueKind.Null)
        {
            _problems.Add(Rejections.MissingField(path));
            return 0;
        }

        if (v.ValueKind != JsonValueKind.Number)
        {
            _problems.Add(Rejections.NotAFiniteNumber(path, Describe(v)));
            return 0;
        }

        if (!v.TryGetDouble(out var number) || !double.IsFinite(number))
        {
            _problems.Add(Rejections.NotAFiniteNumber(path, $"{v.GetRawText()}, which is too large for a double"));
            return 0;
        }

        return number;
    }

    private static string Describe(JsonElement v) => v.ValueKind switch
    {
        JsonValueKind.String => $"the string \"{Truncate(v.GetString()!)}\"",
        JsonValueKind.Number => $"the number {v.GetRawText()}",
        JsonValueKind.True or JsonValueKind.False => $"the boolean {v.GetRawText()}",
        JsonValueKind.Array => "an array",
        JsonValueKind.Object => "an object",
        _ => "null",
    };

    [GeneratedRegex(@"^[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt][0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]{1,7})?([Zz]|[+-][0-9]{2}:[0-9]{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex Rfc3339();

    private static string Truncate(string s) => s.Length <= 40 ? s : s[..40] + "…";
}
