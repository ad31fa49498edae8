using System.Text.Json;
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
        [F.SnapshotId, F.CityId, F.Period, F.Status, F.Supersedes, F.IssuedAt, F.CatalogueVersion, F.Values];

    private static readonly HashSet<string> ValueFields =
        [F.Kpi, F.DataPoint, F.Value, F.Unit, F.Quality, F.Origin, F.Source, F.Note];

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

        RejectUnknown(root, "$", SnapshotFields);
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
        return new Snapshot(id, city, period, status, supersedes, issuedAt, version, values);
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

        RejectUnknown(item, path, ValueFields);
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
        var note = ReadString(item, path, F.Note, required: false);
        return new KpiValue(kpi, dataPoint, number, unit, quality, origin, source, note);
    }
}
