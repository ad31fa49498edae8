using Network.Contracts.Catalogue;
using Network.Contracts.Snapshots;

namespace Network.Contracts.Verification;

/// <summary>
/// What a snapshot must mean to be accepted, checked against the KPI catalogue: city id, period, status and
/// supersedes, catalogue version, and each value's KPI, data point, unit and range. The node runs the same
/// rules before signing, and its value-file reader runs them part by part (<see cref="CheckSubject"/>,
/// <see cref="CheckCount"/>, <see cref="ForValues"/>) while it reads, so an analyst sees a refusal before anything is sent.
/// </summary>
public sealed class SnapshotRules(KpiCatalogue catalogue, TimeProvider time)
{
    /// <summary>Rules against the shipped catalogue and the system clock.</summary>
    public static SnapshotRules Default { get; } = new(KpiCatalogue.Default, TimeProvider.System);

    /// <summary>Every rule <paramref name="snapshot"/> breaks; empty when it may be accepted.</summary>
    public IReadOnlyList<Rejection> Check(Snapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var now = time.GetUtcNow();
        var problems = SubjectProblems(snapshot.CityId, snapshot.Period, snapshot.Status, snapshot.Supersedes, now);

        if (snapshot.IssuedAt > now + SnapshotFormat.AllowedClockSkew)
        {
            problems.Add(Rejections.IssuedInFuture(snapshot.IssuedAt, now));
        }

        if (!string.Equals(snapshot.CatalogueVersion, catalogue.Version, StringComparison.Ordinal))
        {
            problems.Add(Rejections.UnsupportedCatalogueVersion(snapshot.CatalogueVersion));
        }

        problems.AddRange(CheckCount(snapshot.Values.Count));
        var values = ForValues();
        for (var i = 0; i < snapshot.Values.Count; i++)
        {
            var path = $"$.values[{i}]";
            problems.AddRange(values.Check(snapshot.Values[i], path).Select(r => r with { Field = $"{path}.{r.Field}" }));
        }

        return problems;
    }

    /// <summary>The rules on what a snapshot is about: its city id, its period, and a correction's superseded snapshot.</summary>
    public IReadOnlyList<Rejection> CheckSubject(string cityId, int period, SnapshotStatus status, Guid? supersedes) =>
        SubjectProblems(cityId, period, status, supersedes, time.GetUtcNow());

    /// <summary>The rules on how many values a snapshot holds: at least one, at most <see cref="SnapshotFormat.MaxValues"/>.</summary>
    public static IReadOnlyList<Rejection> CheckCount(int values) =>
        values == 0 ? [Rejections.NoValues()]
        : values > SnapshotFormat.MaxValues ? [Rejections.TooManyValues(values, SnapshotFormat.MaxValues)]
        : [];

    /// <summary>The rules on each value, for the values of one snapshot (checked one at a time, in order).</summary>
    public KpiValueRules ForValues() => new(catalogue);

    private static List<Rejection> SubjectProblems(string cityId, int period, SnapshotStatus status, Guid? supersedes, DateTimeOffset now)
    {
        var problems = new List<Rejection>();
        if (CityId.Explain(cityId) is { } why)
        {
            problems.Add(Rejections.MalformedCityId(why));
        }

        var lastPeriod = now.Year + 1;
        if (period < SnapshotFormat.FirstPeriod || period > lastPeriod)
        {
            problems.Add(Rejections.PeriodOutOfRange(period, SnapshotFormat.FirstPeriod, lastPeriod));
        }

        if (status == SnapshotStatus.Correction && supersedes is null)
        {
            problems.Add(Rejections.CorrectionWithoutSupersedes());
        }
        else if (status != SnapshotStatus.Correction && supersedes is not null)
        {
            problems.Add(Rejections.SupersedesWithoutCorrection());
        }

        return problems;
    }
}
