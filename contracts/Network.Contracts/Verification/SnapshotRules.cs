using Network.Contracts.Catalogue;
using Network.Contracts.Snapshots;

namespace Network.Contracts.Verification;

/// <summary>
/// What a snapshot must mean to be accepted, checked against the KPI catalogue: city id, period, status and
/// supersedes, catalogue version, and each value's KPI, data point, unit and range. The node runs the same
/// rules before signing, so an analyst sees a refusal before anything is sent.
/// </summary>
public sealed class SnapshotRules(KpiCatalogue catalogue, TimeProvider time)
{
    /// <summary>Rules against the shipped catalogue and the system clock.</summary>
    public static SnapshotRules Default { get; } = new(KpiCatalogue.Default, TimeProvider.System);

    /// <summary>Every rule <paramref name="snapshot"/> breaks; empty when it may be accepted.</summary>
    public IReadOnlyList<Rejection> Check(Snapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var problems = new List<Rejection>();
        var now = time.GetUtcNow();

        if (CityId.Explain(snapshot.CityId) is { } why)
        {
            problems.Add(Rejections.MalformedCityId(why));
        }

        var lastPeriod = now.Year + 1;
        if (snapshot.Period < SnapshotFormat.FirstPeriod || snapshot.Period > lastPeriod)
        {
            problems.Add(Rejections.PeriodOutOfRange(snapshot.Period, SnapshotFormat.FirstPeriod, lastPeriod));
        }

        if (snapshot.Status == SnapshotStatus.Correction && snapshot.Supersedes is null)
        {
            problems.Add(Rejections.CorrectionWithoutSupersedes());
        }
        else if (snapshot.Status != SnapshotStatus.Correction && snapshot.Supersedes is not null)
        {
            problems.Add(Rejections.SupersedesWithoutCorrection());
        }

        if (snapshot.IssuedAt > now + SnapshotFormat.AllowedClockSkew)
        {
            problems.Add(Rejections.IssuedInFuture(snapshot.IssuedAt, now));
        }

        if (!string.Equals(snapshot.CatalogueVersion, catalogue.Version, StringComparison.Ordinal))
        {
            problems.Add(Rejections.UnsupportedCatalogueVersion(snapshot.CatalogueVersion));
        }

        if (snapshot.Values.Count == 0)
        {
            problems.Add(Rejections.NoValues());
        }
        else if (snapshot.Values.Count > SnapshotFormat.MaxValues)
        {
            problems.Add(Rejections.TooManyValues(snapshot.Values.Count, SnapshotFormat.MaxValues));
        }

        var seen = new Dictionary<(string Kpi, string? DataPoint), int>();
        for (var i = 0; i < snapshot.Values.Count; i++)
        {
            CheckValue(snapshot.Values[i], $"$.values[{i}]", i, seen, problems);
        }

        return problems;
    }

    private void CheckValue(KpiValue value, string path, int index, Dictionary<(string, string?), int> seen, List<Rejection> problems)
    {
        CheckText(value.Origin, $"{path}.origin", required: true, problems);
        CheckText(value.Source, $"{path}.source", required: true, problems);
        CheckText(value.Note, $"{path}.note", required: false, problems);

        if (!catalogue.TryGet(value.Kpi, out var kpi))
        {
            problems.Add(Rejections.UnknownKpi($"{path}.kpi", value.Kpi));
            return;
        }

        var dataPointValid = kpi.HasDataPoints
            ? value.DataPoint is not null && kpi.DataPoints.Contains(value.DataPoint, StringComparer.Ordinal)
            : value.DataPoint is null;
        if (!dataPointValid)
        {
            problems.Add(Rejections.InvalidDataPoint($"{path}.dataPoint", kpi, value.DataPoint));
        }

        if (!seen.TryAdd((kpi.Code, value.DataPoint), index))
        {
            problems.Add(Rejections.DuplicateKpi($"{path}.kpi", kpi.Code, value.DataPoint, seen[(kpi.Code, value.DataPoint)]));
        }

        if (!string.Equals(value.Unit, kpi.Unit.Symbol, StringComparison.Ordinal))
        {
            problems.Add(Rejections.WrongUnit($"{path}.unit", kpi, value.Unit));
        }
        else if (!kpi.Unit.Admits(value.Value))
        {
            problems.Add(Rejections.ValueOutOfRange($"{path}.value", kpi, value.Value));
        }
    }

    private static void CheckText(string? text, string path, bool required, List<Rejection> problems)
    {
        if (text is null)
        {
            return;
        }

        if (required && string.IsNullOrWhiteSpace(text))
        {
            problems.Add(Rejections.InvalidField(path, "This field must not be empty: say who produced the data and where it can be checked."));
        }
        else if (text.Length > SnapshotFormat.MaxTextLength)
        {
            problems.Add(Rejections.InvalidField(path, $"This text is {text.Length:N0} characters; the limit is {SnapshotFormat.MaxTextLength:N0}."));
        }
    }
}
