using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Network.Contracts.Attestations;
using Network.Hub.Embargo;
using Network.Hub.Scoring;
using Network.Hub.Storage;

namespace Network.Hub.OData;

/// <summary>
/// The feed's entity sets as EF Core queries over the stored model: every stored column, <c>Current</c> and the
/// navigations are SQL, so the OData query options composed on top run in the database. Only the engine columns
/// are evaluated on the materialised rows (EF Core's client evaluation in the final projection), from an
/// <see cref="EngineColumns"/> loaded before the query.
/// </summary>
public static class FeedSources
{
    /// <summary>Every member city.</summary>
    public static IQueryable<CityRow> Cities(NetworkDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Cities.AsNoTracking().Select(CityRowOf());
    }

    /// <summary>Every accepted snapshot; with their values when <paramref name="withValues"/> (only when <c>$expand</c> asks for them).</summary>
    public static IQueryable<SnapshotRow> Snapshots(NetworkDbContext db, EngineColumns engine, bool withValues)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Snapshots.AsNoTracking().Select(SnapshotRowOf(db, engine, withValues));
    }

    /// <summary>
    /// The rows of <paramref name="values"/> (all stored values, or the current ones as of a date), with the verdicts the
    /// hub had received by <paramref name="verdictsAsOf"/> (now when null).
    /// </summary>
    public static IQueryable<KpiValueRow> Values(
        NetworkDbContext db, IQueryable<KpiValueRecord> values, EngineColumns engine, bool withSnapshotValues, DateTimeOffset? verdictsAsOf = null)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(values);
        return values.AsNoTracking().Select(ValueRowOf(db, engine, SnapshotRowOf(db, engine, withSnapshotValues), verdictsAsOf));
    }

    private static Expression<Func<CityRecord, CityRow>> CityRowOf() => c => new CityRow
    {
        Id = c.Id,
        Name = c.Name,
        Population = c.Population,
        Synthetic = c.IsSynthetic,
        RegisteredAt = c.RegisteredAt,
    };

    private static Expression<Func<SnapshotRecord, SnapshotRow>> SnapshotRowOf(NetworkDbContext db, EngineColumns engine, bool withValues)
    {
        var cityRow = CityRowOf();
        var current = db.CurrentSnapshots().Select(c => c.SnapshotId);
        var cities = db.Cities;
        var values = db.KpiValues;

        // A snapshot's values come without navigations of their own: the feed expands them one level only (EF Core
        // can neither order a collection nested that deep in SQL nor correlate the keyless KPI table inside one).
        // Without them, the Values assignment is left out below, so this is only built when it is used.
        var valueRow = withValues
            ? Projection.Omit(ValueRowOf(db, engine, SnapshotRowOf(db, engine, withValues: false)),
                nameof(KpiValueRow.City), nameof(KpiValueRow.Kpi), nameof(KpiValueRow.Snapshot))
            : null;
        var row = Projection.Inline<SnapshotRecord, SnapshotRow>(s => new SnapshotRow
        {
            Id = s.SnapshotId,
            CityId = s.CityId,
            Period = s.Period,
            Status = Projection.WireName(s.Status),
            Supersedes = s.Supersedes,
            IssuedAt = s.IssuedAt,
            ReceivedAt = s.ReceivedAt,
            Digest = s.Digest,
            ValueCount = values.Count(v => v.SnapshotId == s.SnapshotId),
            Current = current.Contains(s.SnapshotId),
            City = cities.Where(c => c.Id == s.CityId).Select(cityRow).FirstOrDefault(),
            Values = values.Where(v => v.SnapshotId == s.SnapshotId).OrderBy(v => v.Id).Select(valueRow!).ToList(),
        });
        return withValues ? row : Projection.Omit(row, nameof(SnapshotRow.Values));
    }

    private static Expression<Func<KpiValueRecord, KpiValueRow>> ValueRowOf(
        NetworkDbContext db, EngineColumns engine, Expression<Func<SnapshotRecord, SnapshotRow>> snapshotRow, DateTimeOffset? verdictsAsOf = null)
    {
        var cityRow = CityRowOf();
        var current = db.CurrentSnapshots().Select(c => c.SnapshotId);
        var cities = db.Cities;
        var snapshots = db.Snapshots;
        var kpis = KpiTable.Query(db);
        var seesNotes = db.SeesNetworkData;
        var verdicts = db.CurrentVerdicts(verdictsAsOf);
        var basis = engine.Basis.WireName();
        return Projection.Inline<KpiValueRecord, KpiValueRow>(v => new KpiValueRow
        {
            Id = v.Id,
            SnapshotId = v.SnapshotId,
            CityId = v.CityId,
            Period = v.Period,
            KpiCode = v.KpiCode,
            DataPoint = StoredDataPoint.Read(v.DataPoint),
            Value = v.Value,
            Unit = v.Unit,
            Quality = Projection.WireName(v.Quality),
            Origin = v.Origin,
            Source = v.Source,
            Note = MembersOnly.Note(v, seesNotes), // the cities' notes stay inside the network
            Current = current.Contains(v.SnapshotId),
            Score = EngineColumns.Score(engine, v.SnapshotId, v.CityId, v.Period, v.KpiCode, v.DataPoint, v.Value),
            Points = EngineColumns.Points(engine, v.SnapshotId, v.CityId, v.Period, v.KpiCode, v.DataPoint, v.Value),
            Band = EngineColumns.Band(engine, v.SnapshotId, v.CityId, v.Period, v.KpiCode, v.DataPoint, v.Value),
            Target = EngineColumns.Target(engine, v.SnapshotId, v.CityId, v.Period, v.KpiCode, v.DataPoint, v.Value),
            Percentile = EngineColumns.Percentile(engine, v.SnapshotId, v.CityId, v.Period, v.KpiCode, v.DataPoint, v.Value),
            Rank = EngineColumns.Rank(engine, v.SnapshotId, v.CityId, v.Period, v.KpiCode, v.DataPoint, v.Value),
            ReportingCities = EngineColumns.ReportingCities(engine, v.SnapshotId, v.CityId, v.Period, v.KpiCode, v.DataPoint, v.Value),
            NetworkMedian = EngineColumns.NetworkMedian(engine, v.SnapshotId, v.CityId, v.Period, v.KpiCode, v.DataPoint, v.Value),
            Explanation = EngineColumns.Explanation(engine, v.SnapshotId, v.CityId, v.Period, v.KpiCode, v.DataPoint, v.Value),
            // The value's current verdict (at most one binds): correlated subqueries on the verdicts' index.
            Verified = verdicts.Any(d =>
                d.CityId == v.CityId && d.Period == v.Period && d.KpiCode == v.KpiCode && d.DataPoint == v.DataPoint &&
                d.Value == v.Value && d.Unit == v.Unit && d.Outcome == VerdictOutcome.Verified),
            Verdict = verdicts.Where(d =>
                    d.CityId == v.CityId && d.Period == v.Period && d.KpiCode == v.KpiCode && d.DataPoint == v.DataPoint &&
                    d.Value == v.Value && d.Unit == v.Unit)
                .Select(d => Projection.WireName(d.Outcome)).FirstOrDefault(),
            VerifiedBy = verdicts.Where(d =>
                    d.CityId == v.CityId && d.Period == v.Period && d.KpiCode == v.KpiCode && d.DataPoint == v.DataPoint &&
                    d.Value == v.Value && d.Unit == v.Unit)
                .Select(d => d.VerifierId).FirstOrDefault(),
            VerifiedAt = verdicts.Where(d =>
                    d.CityId == v.CityId && d.Period == v.Period && d.KpiCode == v.KpiCode && d.DataPoint == v.DataPoint &&
                    d.Value == v.Value && d.Unit == v.Unit)
                .Select(d => (DateTimeOffset?)d.IssuedAt).FirstOrDefault(),
            AttestationDigest = verdicts.Where(d =>
                    d.CityId == v.CityId && d.Period == v.Period && d.KpiCode == v.KpiCode && d.DataPoint == v.DataPoint &&
                    d.Value == v.Value && d.Unit == v.Unit)
                .Select(d => d.AttestationDigest).FirstOrDefault(),
            Basis = basis,
            City = cities.Where(c => c.Id == v.CityId).Select(cityRow).FirstOrDefault(),
            Kpi = kpis.Where(k => k.Code == v.KpiCode).FirstOrDefault(),
            Snapshot = snapshots.Where(s => s.SnapshotId == v.SnapshotId).Select(snapshotRow).FirstOrDefault(),
        });
    }
}
