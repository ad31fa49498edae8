using Microsoft.EntityFrameworkCore;
using Network.Benchmarking;
using Network.Hub.Storage;

namespace Network.Hub.Scoring;

/// <summary>
/// The one projection from stored rows into the engine's input: every load of the engine (a whole period, or the
/// cities that published since) reads its values through it, so the row becomes a <see cref="ReportedValue"/> in one
/// step, with no shape in between, and with the real "verified" flag of each value (<see cref="ValueVerdicts"/>).
/// </summary>
public static class EngineInput
{
    /// <summary>
    /// Reads <paramref name="rows"/> as the engine's input, each value verified when its current verdict (as of
    /// <paramref name="asOf"/>, now when null) says so: only the columns the engine uses leave the database, in one query.
    /// </summary>
    public static Task<List<ReportedValue>> ReadReportedValuesAsync(
        this IQueryable<KpiValueRecord> rows, NetworkDbContext db, DateTimeOffset? asOf, CancellationToken cancellationToken) =>
        rows.WithVerifiedFlag(db, asOf)
            .Select(x => new ReportedValue(x.Value.CityId, x.Value.KpiCode, StoredDataPoint.Read(x.Value.DataPoint), x.Value.Value, x.Value.Quality, x.Verified))
            .ToListAsync(cancellationToken);
}
